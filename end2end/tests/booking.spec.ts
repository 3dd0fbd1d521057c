import { test, expect, ready, expectAccessible, signIn, signOut, setLanguage, ADMIN } from './fixtures';
import { Page } from '@playwright/test';
import { mailCount, waitForMail } from './mail';

// Booking a meeting: both members of a demo pair say when they are free, the mentor books
// a weekly series on the relationship page's "Book a meeting" (month with free days,
// times grouped by part of the day, "Send request"), the tile lists it, and the mentee
// accepts the whole series, moves the second meeting to the next day and cancels the
// last; each step reaches the other member's inbox. Without JavaScript in French,
// hydrated in English (each project has its own pair).

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

async function freeAllWeek(page: Page, js: boolean, fr: boolean) {
  await page.goto('/calendar/availability');
  await ready(page, js);
  for (const day of DAYS) {
    const row = page.locator(`tr[data-weekday="${day}"]`).first();
    await row.locator('input[name$="[start]"]').fill('00:00');
    await row.locator('input[name$="[end]"]').fill('23:45');
  }
  await page.getByRole('button', { name: fr ? 'Enregistrer les disponibilités' : 'Save availability' }).click();
  await ready(page, js);
  await expect(page.getByRole('status')).toContainText(fr ? 'Vos disponibilités sont enregistrées' : 'Your availability is saved');
}

async function openRelationship(page: Page, js: boolean) {
  await page.goto('/connections');
  await ready(page, js);
  await page.locator('a[href^="/relationships/"]').first().click();
  await ready(page, js);
  await expect(page.locator('#meetings-heading')).toBeVisible();
}

test.describe('booking', () => {
  test('a mentor books a weekly series in the partner\'s free time and the mentee accepts it', async ({ page, js }) => {
    // Three members' sessions, a booking, a move, a cancel and the administrator's tab.
    test.setTimeout(120_000);
    const fr = !js;
    const [mentor, mentee] = js ? ['mentor09@demo.test', 'mentee09@demo.test'] : ['mentor08@demo.test', 'mentee08@demo.test'];

    await signIn(page, js, mentee);
    await setLanguage(page, fr ? 'fr' : 'en');
    await freeAllWeek(page, js, fr);
    await signOut(page, js);
    await signIn(page, js, mentor);
    await setLanguage(page, fr ? 'fr' : 'en');
    await freeAllWeek(page, js, fr);

    await openRelationship(page, js);
    await page.getByRole('link', { name: fr ? 'Programmer des réunions' : 'Book a meeting' }).click();
    await ready(page, js);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr ? 'Programmer une réunion' : 'Book a meeting');
    await expect(page.locator('.booking-with')).toContainText(fr ? 'Réunion avec' : 'Meeting with');

    await page.locator('#booking-minutes').selectOption('60');
    await page.locator('#booking-frequency').selectOption('weekly');
    await page.locator('#booking-occurrences').fill('3');
    await page.getByRole('button', { name: fr ? 'Afficher les heures libres' : 'Show free times' }).click();
    await ready(page, js);
    await expect(page).toHaveURL(/minutes=60&frequency=weekly&occurrences=3/);
    // Next month: every day is free for both, whatever the time of day now.
    await page.getByRole('link', { name: fr ? 'Mois suivant' : 'Next month' }).click();
    await ready(page, js);
    const freeDays = page.locator('td.day-free a');
    await expect(freeDays.first()).toBeVisible();
    expect(await freeDays.count()).toBeGreaterThanOrEqual(28);
    await freeDays.nth(9).click();
    await ready(page, js);
    await expect(page.locator('.slot-form h2')).toContainText(fr ? 'Heures libres le' : 'Free times on');
    for (const part of fr ? ['Matin', 'Après-midi', 'Soir'] : ['Morning', 'Afternoon', 'Evening']) {
      await expect(page.locator('.slot-group legend', { hasText: part })).toBeVisible();
    }
    await expectAccessible(page, js);

    // Ten o'clock on the viewer's clock.
    const ten = page.locator('input[name="slot"][value$="T10:00"]');
    await ten.check();
    const beforeBooking = mailCount();
    await page.locator('#type-in_person').check();
    await page.locator('#booking-location').fill('12 Main Street');
    await page.locator('#booking-agenda').fill('Goals for the term');
    await page.getByRole('button', { name: fr ? 'Envoyer la demande' : 'Send request' }).click();
    await ready(page, js);

    await expect(page).toHaveURL(/\/relationships\/\d+\?booked=1/);
    const tile = page.locator('.meetings-tile');
    await expect(tile.getByRole('status')).toContainText(fr ? 'Votre demande de réunion est envoyée' : 'Your meeting request is sent');
    await expect(tile).toContainText(fr ? 'Prochaine réunion' : 'Next meeting');
    await expect(tile.locator('dd').first()).toHaveText('3');
    await expect(tile.locator('li.meeting')).toHaveCount(3);
    await expect(tile.locator('li.meeting').first()).toContainText('12 Main Street');
    await expect(tile.locator('li.meeting').first()).toContainText(fr ? '10 h 00 (fin à 11 h 00)' : '10:00 AM to 11:00 AM');
    await expectAccessible(page, js);

    const invitation = await waitForMail(mentee, fr ? /Invitation à une réunion de mentorat/ : /Invitation to a mentoring meeting/, beforeBooking);
    expect(invitation.text).toContain('12 Main Street');

    await signOut(page, js);
    await signIn(page, js, mentee);
    await openRelationship(page, js);
    const first = page.locator('.meetings-tile li.meeting').first();
    await expect(first).toContainText(fr ? 'Pas encore de réponse' : 'No answer yet');
    await first.locator('input[type="checkbox"][name="scope"]').check();
    await first.getByRole('button', { name: fr ? 'Accepter' : 'Accept' }).click();
    await ready(page, js);
    await expect(page.locator('.meetings-tile [role="status"]', { hasText: fr ? 'Votre réponse est enregistrée' : 'Your answer is saved' })).toBeVisible();
    // The whole series: each meeting shows both participants as accepted.
    const meetings = page.locator('.meetings-tile li.meeting');
    await expect(meetings).toHaveCount(3);
    for (let i = 0; i < 3; i++) {
      await expect(meetings.nth(i).locator('.participants li', { hasText: '✓' })).toHaveCount(2);
    }

    // The mentee moves the second meeting alone to the next day, same time: the page
    // shows the month it is in, the others stay where they are.
    const firstWhen = await meetings.nth(0).locator('.meeting-when').textContent();
    const thirdWhen = await meetings.nth(2).locator('.meeting-when').textContent();
    await meetings.nth(1).getByRole('link', { name: fr ? 'Déplacer' : 'Move' }).click();
    await ready(page, js);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr ? 'Déplacer une réunion' : 'Move a meeting');
    await expect(page.locator('.booking-moving')).toContainText(fr ? 'Actuellement' : 'Now:');
    await expect(page.locator('#move-this')).toBeChecked();
    await expect(page.locator('#booking-minutes')).toHaveValue('60');
    await page.getByRole('button', { name: fr ? 'Afficher les heures libres' : 'Show free times' }).click();
    await ready(page, js);
    await page.getByRole('link', { name: fr ? 'Mois suivant' : 'Next month' }).click();
    await ready(page, js);
    // The booking took the 10th free day of next month; the second meeting is a week later.
    await page.locator('td.day-free a').nth(17).click();
    await ready(page, js);
    await expectAccessible(page, js);
    await page.locator('input[name="slot"][value$="T10:00"]').check();
    const beforeMove = mailCount();
    await page.getByRole('button', { name: fr ? 'Appliquer' : 'Apply' }).click();
    await ready(page, js);
    await expect(page).toHaveURL(/\/relationships\/\d+\?moved=1/);
    await expect(
      page.locator('.meetings-tile [role="status"]', { hasText: fr ? 'La réunion est déplacée' : 'The meeting is moved' }),
    ).toBeVisible();
    await expect(meetings).toHaveCount(3);
    await expect(meetings.nth(0).locator('.meeting-when')).toHaveText(firstWhen!);
    await expect(meetings.nth(1)).toContainText(fr ? 'Déplacée' : 'Moved');
    await expect(meetings.nth(2).locator('.meeting-when')).toHaveText(thirdWhen!);
    // The mover has accepted the new time; the mentor is asked again.
    await expect(meetings.nth(1).locator('.participants li', { hasText: '✓' })).toHaveCount(1);
    await expect(meetings.nth(1).locator('.participants li', { hasText: '?' })).toHaveCount(1);
    const moved = await waitForMail(mentor, fr ? /Réunion de mentorat déplacée/ : /Mentoring meeting moved/, beforeMove);
    expect(moved.text).toContain(fr ? 'Désormais' : 'Now:');

    // The mentee cancels the last meeting alone: the other two stay.
    const beforeCancel = mailCount();
    const last = meetings.nth(2);
    await last.locator('summary', { hasText: fr ? 'Annuler' : 'Cancel' }).click();
    await last.getByRole('button', { name: fr ? 'Annuler la réunion' : 'Cancel the meeting' }).click();
    await ready(page, js);
    await expect(
      page.locator('.meetings-tile [role="status"]', { hasText: fr ? 'La réunion est annulée' : 'The meeting is cancelled' }),
    ).toBeVisible();
    await expect(page.locator('.meetings-tile dd').first()).toHaveText('2');
    await expect(page.locator('.meetings-tile li.meeting', { hasText: fr ? 'Annulée' : 'Cancelled' })).toHaveCount(1);
    await expectAccessible(page, js);
    await waitForMail(mentor, fr ? /Réunion de mentorat annulée/ : /Mentoring meeting cancelled/, beforeCancel);

    // The administrator's Meetings tab, searched by the mentee's address: the pair's three
    // meetings, the first accepted by both (✓ ✓), the moved one waiting for the mentor,
    // the last cancelled; the Relationships page offers to book for the pair.
    await signOut(page, js);
    await signIn(page, js, ADMIN);
    await setLanguage(page, fr ? 'fr' : 'en');
    await page.goto('/admin/relationships?tab=matched');
    await ready(page, js);
    await page.locator('#relationship-search').fill(mentee);
    if (!js) await page.getByRole('button', { name: fr ? 'Rechercher' : 'Search' }).click();
    await expect(page).toHaveURL(/q=mentee0/);
    await ready(page, js);
    const pairRow = page.locator('.relationships-table tbody tr');
    await expect(pairRow).toHaveCount(1);
    await expect(pairRow.getByRole('link', { name: fr ? /Planifier une réunion/ : /Book a meeting/ })).toBeVisible();
    await page.getByRole('link', { name: fr ? 'Rencontres (3)' : 'Meetings (3)' }).click();
    await ready(page, js);
    await expect(page).toHaveURL(/\/admin\/relationships\/meetings\?q=mentee0/);
    const rows = page.locator('.meetings-table tbody tr');
    await expect(rows).toHaveCount(3);
    await expect(page.locator('.table-summary')).toContainText(fr ? 'Affichage de 1 à 3 sur 3 entrées' : 'Showing 1 to 3 of 3 entries');
    await expect(rows.filter({ has: page.locator('li.answer-accepted:nth-child(2)') }).first().locator('li.answer-accepted')).toHaveCount(2);
    await expect(rows.filter({ hasText: fr ? 'Annulée' : 'Cancelled' })).toHaveCount(1);
    await expect(rows.filter({ has: page.locator('li.answer-none') })).toHaveCount(1);
    // Earliest first, then latest first again.
    const firstDate = await rows.first().locator('td').nth(2).textContent();
    await page.locator('.meetings-table th[aria-sort="descending"] a').click();
    await ready(page, js);
    await expect(page).toHaveURL(/dir=asc/);
    await expect(rows.last().locator('td').nth(2)).toHaveText(firstDate!);
    await expectAccessible(page, js);
    const csv = await page.request.get(await page.getByRole('link', { name: fr ? 'Télécharger en CSV' : 'Download CSV' }).getAttribute('href') as string);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).trim().split('\r\n')).toHaveLength(4);
    // A search that finds nothing says how many the program holds.
    await page.goto('/admin/relationships/meetings?q=zzzznobody');
    await ready(page, js);
    await expect(page.locator('.table-summary')).toContainText(fr ? 'Affichage de 0 à 0 sur 0 entrées (filtrées parmi' : 'Showing 0 to 0 of 0 entries (filtered from');
  });
});
