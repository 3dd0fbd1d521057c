import { test, expect, ready, expectAccessible, signIn, signOut, setLanguage, pairFreeAllWeek, openRelationship, ADMIN } from './fixtures';
import { mailCount, waitForMail } from './mail';

// The scheduling issue's first acceptance test: both members of a demo pair say when
// they are free; the mentee books a weekly series of 4 × 30-minute video meetings on a
// free slot of the relationship page's "Book a meeting" (month with free days, times
// grouped by part of the day, "Send request"); the mentor accepts the series; the
// administrator's Meetings tab shows ✓ ✓ on each; the mentee moves the second meeting to
// the next day and cancels the fourth; the first and third stay as they were, and each
// step reached both members' inboxes (the request: the mentor's invitation and the
// mentee's own record; the answer, the move and the cancellation: both). Without
// JavaScript in French, hydrated in English (each project has its own pair).

test.describe('booking', () => {
  test('the mentee books a weekly series, the mentor accepts, the administrator sees it, the mentee moves one and cancels another', async ({ page, js }) => {
    // Three people's sessions, a booking, an answer, a move, a cancellation and the
    // administrator's tab.
    test.setTimeout(150_000);
    const fr = !js;
    const [mentor, mentee] = js ? ['mentor09@demo.test', 'mentee09@demo.test'] : ['mentor08@demo.test', 'mentee08@demo.test'];
    const invitationSubject = fr ? /Invitation à une réunion de mentorat/ : /Invitation to a mentoring meeting/;

    await pairFreeAllWeek(page, js, fr, mentor, mentee);

    // The mentee books 4 × 30 minutes, weekly, by video.
    await page.getByRole('link', { name: fr ? 'Programmer des réunions' : 'Book a meeting' }).click();
    await ready(page, js);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr ? 'Programmer une réunion' : 'Book a meeting');
    await expect(page.locator('.booking-with')).toContainText(fr ? 'Réunion avec' : 'Meeting with');
    await page.locator('#booking-minutes').selectOption('30');
    await page.locator('#booking-frequency').selectOption('weekly');
    await page.locator('#booking-occurrences').fill('4');
    await page.getByRole('button', { name: fr ? 'Afficher les heures libres' : 'Show free times' }).click();
    await ready(page, js);
    await expect(page).toHaveURL(/minutes=30&frequency=weekly&occurrences=4/);
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
    await page.locator('input[name="slot"][value$="T10:00"]').check();
    const beforeBooking = mailCount();
    await page.locator('#type-video').check();
    await page.locator('#booking-agenda').fill('Goals for the term');
    await page.getByRole('button', { name: fr ? 'Envoyer la demande' : 'Send request' }).click();
    await ready(page, js);
    await expect(page).toHaveURL(/\/relationships\/\d+\?booked=1/);
    const tile = page.locator('.meetings-tile');
    await expect(tile.getByRole('status')).toContainText(fr ? 'Votre demande de réunion est envoyée' : 'Your meeting request is sent');
    await expect(tile).toContainText(fr ? 'Prochaine réunion' : 'Next meeting');
    await expect(tile.locator('dd').first()).toHaveText('4');
    const meetings = tile.locator('li.meeting');
    await expect(meetings).toHaveCount(4);
    await expect(meetings.first()).toContainText(fr ? 'Visioconférence' : 'Video conference');
    await expect(meetings.first()).toContainText(fr ? '10 h 00 (fin à 10 h 30)' : '10:00 AM to 10:30 AM');
    await expectAccessible(page, js);
    const invitation = await waitForMail(mentor, invitationSubject, beforeBooking);
    expect(invitation.text).toContain('Goals for the term');
    // The mentee keeps her own record of the request.
    const copy = await waitForMail(mentee, fr ? /Demande de réunion de mentorat envoyée/ : /Mentoring meeting requested/, beforeBooking);
    expect(copy.text).toContain('Goals for the term');

    // The mentor accepts the whole series.
    await signOut(page, js);
    await signIn(page, js, mentor);
    await openRelationship(page, js);
    const first = meetings.first();
    await expect(first).toContainText(fr ? 'Pas encore de réponse' : 'No answer yet');
    await first.locator('input[type="checkbox"][name="scope"]').check();
    const beforeAnswer = mailCount();
    await first.getByRole('button', { name: fr ? 'Accepter' : 'Accept' }).click();
    await ready(page, js);
    await expect(tile.locator('[role="status"]', { hasText: fr ? 'Votre réponse est enregistrée' : 'Your answer is saved' })).toBeVisible();
    await expect(meetings).toHaveCount(4);
    for (let i = 0; i < 4; i++) {
      await expect(meetings.nth(i).locator('.participants li', { hasText: '✓' })).toHaveCount(2);
    }
    // Both are told of the answer, for the four meetings.
    const answeredSubject = fr ? /Réponse à une réunion de mentorat/ : /Answer to a mentoring meeting/;
    const answered = await waitForMail(mentee, answeredSubject, beforeAnswer);
    expect(answered.text).toContain(fr ? '« Acceptée » pour 4 réunions de mentorat' : '"Accepted" for 4 mentoring meetings');
    await waitForMail(mentor, answeredSubject, beforeAnswer);

    // The administrator's Meetings tab, searched by the mentee's address from the
    // Relationships page (which offers to book for the pair): ✓ ✓ on each meeting.
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
    await page.getByRole('link', { name: fr ? 'Rencontres (4)' : 'Meetings (4)' }).click();
    await ready(page, js);
    await expect(page).toHaveURL(/\/admin\/relationships\/meetings\?q=mentee0/);
    const rows = page.locator('.meetings-table tbody tr');
    await expect(rows).toHaveCount(4);
    for (let i = 0; i < 4; i++) {
      await expect(rows.nth(i).locator('li.answer-accepted')).toHaveCount(2);
      await expect(rows.nth(i)).toContainText(fr ? 'Prévue' : 'Scheduled');
    }
    await expect(page.locator('.table-summary')).toContainText(fr ? 'Affichage de 1 à 4 sur 4 entrées' : 'Showing 1 to 4 of 4 entries');
    // Earliest first, then latest first again.
    const latestDate = await rows.first().locator('td').nth(2).textContent();
    await page.locator('.meetings-table th[aria-sort="descending"] a').click();
    await ready(page, js);
    await expect(page).toHaveURL(/dir=asc/);
    await expect(rows.last().locator('td').nth(2)).toHaveText(latestDate!);
    await expectAccessible(page, js);
    const csv = await page.request.get(await page.getByRole('link', { name: fr ? 'Télécharger en CSV' : 'Download CSV' }).getAttribute('href') as string);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).trim().split('\r\n')).toHaveLength(5);
    // A search that finds nothing says how many the program holds.
    await page.goto('/admin/relationships/meetings?q=zzzznobody');
    await ready(page, js);
    await expect(page.locator('.table-summary')).toContainText(fr ? 'Affichage de 0 à 0 sur 0 entrées (filtrées parmi' : 'Showing 0 to 0 of 0 entries (filtered from');

    // The mentee moves the second meeting alone to the next day, same time.
    await signOut(page, js);
    await signIn(page, js, mentee);
    await openRelationship(page, js);
    await expect(meetings).toHaveCount(4);
    const firstWhen = await meetings.nth(0).locator('.meeting-when').textContent();
    const thirdWhen = await meetings.nth(2).locator('.meeting-when').textContent();
    await meetings.nth(1).getByRole('link', { name: fr ? 'Déplacer' : 'Move' }).click();
    await ready(page, js);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr ? 'Déplacer une réunion' : 'Move a meeting');
    await expect(page.locator('.booking-moving')).toContainText(fr ? 'Actuellement' : 'Now:');
    await expect(page.locator('#move-this')).toBeChecked();
    await expect(page.locator('#booking-minutes')).toHaveValue('30');
    await page.getByRole('button', { name: fr ? 'Afficher les heures libres' : 'Show free times' }).click();
    await ready(page, js);
    await page.getByRole('link', { name: fr ? 'Mois suivant' : 'Next month' }).click();
    await ready(page, js);
    // The series starts on the 10th free day of next month; the second meeting is a week
    // later, and the day after it is the 18th free day.
    await page.locator('td.day-free a').nth(17).click();
    await ready(page, js);
    await expectAccessible(page, js);
    await page.locator('input[name="slot"][value$="T10:00"]').check();
    const beforeMove = mailCount();
    await page.getByRole('button', { name: fr ? 'Appliquer' : 'Apply' }).click();
    await ready(page, js);
    await expect(page).toHaveURL(/\/relationships\/\d+\?moved=1/);
    await expect(tile.locator('[role="status"]', { hasText: fr ? 'La réunion est déplacée' : 'The meeting is moved' })).toBeVisible();
    await expect(meetings).toHaveCount(4);
    await expect(meetings.nth(0).locator('.meeting-when')).toHaveText(firstWhen!);
    await expect(meetings.nth(1)).toContainText(fr ? 'Déplacée' : 'Moved');
    await expect(meetings.nth(2).locator('.meeting-when')).toHaveText(thirdWhen!);
    // The mover has accepted the new time; the mentor is asked again.
    await expect(meetings.nth(1).locator('.participants li', { hasText: '✓' })).toHaveCount(1);
    await expect(meetings.nth(1).locator('.participants li', { hasText: '?' })).toHaveCount(1);
    const movedSubject = fr ? /Réunion de mentorat déplacée/ : /Mentoring meeting moved/;
    const moved = await waitForMail(mentor, movedSubject, beforeMove);
    expect(moved.text).toContain(fr ? 'Désormais' : 'Now:');
    await waitForMail(mentee, movedSubject, beforeMove);

    // The mentee cancels the fourth meeting alone: the first and third stay as they were.
    const beforeCancel = mailCount();
    const fourth = meetings.nth(3);
    await fourth.locator('summary', { hasText: fr ? 'Annuler' : 'Cancel' }).click();
    await fourth.getByRole('button', { name: fr ? 'Annuler la réunion' : 'Cancel the meeting' }).click();
    await ready(page, js);
    await expect(tile.locator('[role="status"]', { hasText: fr ? 'La réunion est annulée' : 'The meeting is cancelled' })).toBeVisible();
    await expect(tile.locator('dd').first()).toHaveText('3');
    await expect(tile.locator('li.meeting', { hasText: fr ? 'Annulée' : 'Cancelled' })).toHaveCount(1);
    await expect(meetings.nth(0).locator('.meeting-when')).toHaveText(firstWhen!);
    await expect(meetings.nth(2).locator('.meeting-when')).toHaveText(thirdWhen!);
    for (const i of [0, 2]) {
      await expect(meetings.nth(i).locator('.participants li', { hasText: '✓' })).toHaveCount(2);
    }
    await expectAccessible(page, js);
    const cancelledSubject = fr ? /Réunion de mentorat annulée/ : /Mentoring meeting cancelled/;
    await waitForMail(mentor, cancelledSubject, beforeCancel);
    await waitForMail(mentee, cancelledSubject, beforeCancel);
  });
});
