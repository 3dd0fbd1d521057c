import { test, expect, ready, expectAccessible, signIn, signOut, setLanguage, pairFreeAllWeek, openRelationship } from './fixtures';
import { mailCount, waitForMail } from './mail';
import { Page } from '@playwright/test';
import http from 'node:http';
import { AddressInfo } from 'node:net';

/** A member's own calendar server on loopback: two busy events next week, or an error. */
async function memberCalendarServer(): Promise<{ url: string; fail: (status: number) => void; close: () => void }> {
  let status = 200;
  const day = new Date(Date.now() + 7 * 86_400_000);
  const stamp = (d: Date, hour: number) =>
    `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}T${String(hour).padStart(2, '0')}0000Z`;
  const body = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN',
    'BEGIN:VEVENT', 'UID:weekly@example.com', `DTSTART:${stamp(day, 14)}`, `DTEND:${stamp(day, 15)}`,
    'RRULE:FREQ=WEEKLY;COUNT=4', 'SUMMARY:Dentist', 'END:VEVENT',
    'BEGIN:VEVENT', 'UID:free@example.com', `DTSTART:${stamp(day, 16)}`, `DTEND:${stamp(day, 17)}`,
    'TRANSP:TRANSPARENT', 'END:VEVENT',
    'BEGIN:VEVENT', 'UID:once@example.com', `DTSTART:${stamp(day, 18)}`, `DTEND:${stamp(day, 19)}`, 'END:VEVENT',
    'END:VCALENDAR', '',
  ].join('\r\n');
  const server = http.createServer((_, res) => {
    if (status !== 200) {
      res.writeHead(status).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/calendar; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/basic.ics`, fail: (s) => { status = s; }, close: () => server.close() };
}

// The member's own calendar (the scheduling issue's "month and week views of their
// meetings in every relationship, keyboard-usable, readable at phone width; without
// JavaScript a plain list of days and slots as links and forms"): a mentee books half an
// hour with their mentor; the mentor's bell and notifications page tell him; both find it
// in their calendar, the mentor answers it there; the month opens a week by keyboard; at
// phone width the month is a list of the days that have meetings. Without JavaScript in
// French, hydrated in English (each project has its own pair).

async function nextMonthOfCalendar(page: Page, js: boolean, fr: boolean) {
  await page.getByRole('navigation', { name: fr ? 'Navigation principale' : 'Main navigation' })
    .getByRole('link', { name: fr ? 'Calendrier' : 'Calendar', exact: true }).click();
  await ready(page, js);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr ? 'Mon calendrier' : 'My calendar');
  await page.getByRole('link', { name: fr ? 'Mois suivant' : 'Next month' }).click();
  await ready(page, js);
  await expect(page).toHaveURL(/\/calendar\?view=month&date=\d{4}-\d{2}-01/);
}

test.describe('calendar', () => {
  test('a booked meeting reaches the mentor\'s bell and notifications, shows in both members\' month and week, is answered from the calendar, and reads at phone width', async ({ page, js }) => {
    test.setTimeout(120_000);
    const fr = !js;
    const [mentor, mentee] = js ? ['mentor11@demo.test', 'mentee11@demo.test'] : ['mentor12@demo.test', 'mentee12@demo.test'];
    await pairFreeAllWeek(page, js, fr, mentor, mentee);

    // The mentee books half an hour (the dialog's first length) at 10:00 on the 10th of next month.
    await page.getByRole('link', { name: fr ? 'Programmer des réunions' : 'Book a meeting' }).click();
    await ready(page, js);
    await page.getByRole('link', { name: fr ? 'Mois suivant' : 'Next month' }).click();
    await ready(page, js);
    await page.locator('td.day-free a').nth(9).click();
    await ready(page, js);
    await page.locator('input[name="slot"][value$="T10:00"]').check();
    await page.getByRole('button', { name: fr ? 'Envoyer la demande' : 'Send request' }).click();
    await ready(page, js);
    await expect(page).toHaveURL(/\/relationships\/\d+\?booked=1/);

    // Her month: the meeting on the 10th, at her clock's 10:00, accepted (she asked).
    await nextMonthOfCalendar(page, js, fr);
    await expect(page.locator('.zone-note')).toContainText(fr ? 'Les heures sont affichées selon le fuseau' : 'Times are shown in');
    const busy = page.locator('td.calendar-day-busy');
    await expect(busy).toHaveCount(1);
    await expect(busy.locator('.calendar-day-number')).toContainText('10');
    const entry = busy.locator('li.calendar-entry');
    await expect(entry.locator('a')).toContainText(fr ? '10 h 00 à 10 h 30, réunion avec' : '10:00 AM to 10:30 AM, meeting with');
    await expect(entry).toContainText(fr ? 'Acceptée' : 'Accepted');
    await expect(entry.locator('a')).toHaveAttribute('href', /^\/relationships\/\d+#meetings-heading$/);
    await expect(page.locator('.calendar-waiting')).toHaveCount(0);
    await expectAccessible(page, js);

    // The day opens its week from the keyboard: Monday to Sunday, her hours beside it.
    await busy.locator('.calendar-day-number').focus();
    await page.keyboard.press('Enter');
    await ready(page, js);
    await expect(page).toHaveURL(/\/calendar\?view=week&date=\d{4}-\d{2}-10/);
    await expect(page.locator('.calendar-heading')).toContainText(fr ? 'Semaine du' : 'Week of');
    await expect(page.locator('li.calendar-week-day')).toHaveCount(7);
    const day = page.locator('li.calendar-week-day', { has: page.locator('li.calendar-entry') });
    await expect(day).toHaveCount(1);
    await expect(day.locator('.calendar-available')).toContainText('00:00–23:45');
    await expect(page.getByRole('link', { name: fr ? 'Semaine' : 'Week', exact: true })).toHaveAttribute('aria-current', 'page');
    await expectAccessible(page, js);

    // The mentor's bell says he has news: the invitation, marked new, until he marks
    // it read.
    await signOut(page, js);
    await signIn(page, js, mentor);
    const bell = page.locator('a.notification-bell');
    await expect(bell).toHaveAttribute('aria-label', fr ? 'Notifications, 1 non lue' : 'Notifications, 1 unread');
    await expect(bell.locator('.notification-count')).toHaveText('1');
    await bell.click();
    await ready(page, js);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notifications');
    const notice = page.locator('li.notification');
    await expect(notice).toHaveCount(1);
    await expect(notice).toContainText(fr ? 'Vous avez été invité(e) à une réunion de mentorat par' : 'You have been invited to a mentoring meeting from');
    await expect(notice.locator('.badge')).toHaveText(fr ? 'Nouveau' : 'New');
    await expect(notice.locator('a')).toHaveAttribute('href', /^\/relationships\/\d+#meetings-heading$/);
    await expectAccessible(page, js);
    await page.getByRole('button', { name: fr ? 'Tout marquer comme lu' : 'Mark all as read' }).click();
    await ready(page, js);
    await expect(page.getByRole('status').filter({ hasText: fr ? 'Vos notifications sont marquées comme lues' : 'Your notifications are marked as read' })).toBeVisible();
    await expect(notice.locator('.badge')).toHaveCount(0);
    await expect(bell.locator('.notification-count')).toHaveCount(0);
    await expect(bell).toHaveAttribute('aria-label', fr ? 'Notifications, aucune non lue' : 'Notifications, none unread');

    // He is asked for an answer: he accepts from his calendar and stays on it.
    await nextMonthOfCalendar(page, js, fr);
    const waiting = page.locator('.calendar-waiting li.meeting');
    await expect(waiting).toHaveCount(1);
    // (On his own clock: the two may live in different zones.)
    await expect(waiting).toContainText(fr ? ', réunion avec' : ', meeting with');
    await expect(page.locator('li.calendar-entry-waiting')).toHaveCount(1);
    await expectAccessible(page, js);
    const url = page.url();
    await waiting.getByRole('button', { name: fr ? 'Accepter' : 'Accept' }).click();
    await ready(page, js);
    await expect(page.getByRole('status').filter({ hasText: fr ? 'Votre réponse est enregistrée' : 'Your answer is saved' })).toBeVisible();
    expect(page.url().split('&answered')[0]).toBe(url);
    await expect(page.locator('.calendar-waiting')).toHaveCount(0);
    await expect(page.locator('li.calendar-entry')).toContainText(fr ? 'Acceptée' : 'Accepted');

    // At phone width the month is a list of its days with meetings, nothing wider than
    // the screen.
    await page.setViewportSize({ width: 375, height: 800 });
    await expect(page.locator('.calendar-month thead')).toBeHidden();
    await expect(page.locator('td.calendar-day:visible')).toHaveCount(1);
    await expect(page.locator('li.calendar-entry')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, js);

    // The relationship page still says the same.
    await openRelationship(page, js);
    await expect(page.locator('.meetings-tile li.meeting').first().locator('.participants li', { hasText: '✓' })).toHaveCount(2);
  });

  test('the invitation e-mail\'s decline link answers for the mentor without signing him in, and the mentee is told', async ({ page, js }) => {
    test.setTimeout(120_000);
    const fr = !js;
    const [mentor, mentee] = js ? ['mentor11@demo.test', 'mentee11@demo.test'] : ['mentor12@demo.test', 'mentee12@demo.test'];
    await pairFreeAllWeek(page, js, fr, mentor, mentee);
    const skip = mailCount();

    // The mentee books 11:00 on the 12th of next month.
    await page.getByRole('link', { name: fr ? 'Programmer des réunions' : 'Book a meeting' }).click();
    await ready(page, js);
    await page.getByRole('link', { name: fr ? 'Mois suivant' : 'Next month' }).click();
    await ready(page, js);
    await page.locator('td.day-free a').nth(11).click();
    await ready(page, js);
    await page.locator('input[name="slot"][value$="T11:00"]').check();
    await page.getByRole('button', { name: fr ? 'Envoyer la demande' : 'Send request' }).click();
    await ready(page, js);
    await expect(page).toHaveURL(/\/relationships\/\d+\?booked=1/);

    // The mentor's e-mail has one link per answer, under the message.
    const invitation = await waitForMail(mentor, fr ? /Invitation à une réunion de mentorat/ : /Invitation to a mentoring meeting/, skip);
    const label = fr ? 'Refuser' : 'Decline';
    const link = new RegExp(`^${label}${fr ? ' :' : ':'} https?://[^/\\s]+(/meetings/answer/[A-Za-z0-9_-]+)$`, 'm').exec(invitation.text);
    expect(link, invitation.text).not.toBeNull();
    expect(invitation.text).toMatch(new RegExp(`^${fr ? 'Accepter :' : 'Accept:'} `, 'm'));

    // Signed out, the link's page names the meeting (on the mentor's clock) and the
    // answer; opening it records nothing.
    await signOut(page, js);
    await setLanguage(page, fr ? 'fr' : 'en');
    await page.goto(link![1]);
    await ready(page, js);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr ? 'Réponse à une réunion de mentorat' : 'Answer to a mentoring meeting');
    await expect(page.locator('main')).toContainText(fr ? 'avec' : 'with');
    await expectAccessible(page, js);
    await page.getByRole('button', { name: label }).click();
    await ready(page, js);
    await expect(page.getByRole('status')).toContainText(fr ? 'Votre réponse est enregistrée : Refusée' : 'Your answer is recorded: Declined');
    await expect(page.locator('input[name="password"]')).toHaveCount(0);
    await expectAccessible(page, js);

    // The mentee hears of it.
    await waitForMail(mentee, fr ? /Réponse à une réunion de mentorat/ : /Answer to a mentoring meeting/, skip);
  });

  test('calendar sync: a member turns on their private feed, their calendar reads it, a new address kills the old one, and turning it off kills it', async ({ page, js }) => {
    const fr = !js;
    const member = js ? 'mentee15@demo.test' : 'mentee16@demo.test';
    await signIn(page, js, member);
    await setLanguage(page, fr ? 'fr' : 'en');
    await page.goto('/account');
    await ready(page, js);
    const section = page.locator('#calendar-feed');
    await expect(section.getByRole('heading', { level: 2 })).toHaveText(fr ? 'Synchronisation du calendrier' : 'Calendar sync');
    await section.getByRole('button', { name: fr ? 'Obtenir mon adresse de calendrier' : 'Get my calendar address' }).click();
    await ready(page, js);
    await expect(page.getByRole('status')).toContainText(fr ? 'Votre adresse de calendrier est mise à jour' : 'Your calendar address is updated');
    const address = section.getByLabel(fr ? 'Votre adresse de calendrier privée' : 'Your private calendar address');
    const first = await address.inputValue();
    expect(first).toMatch(/^https?:\/\/[^/]+\/feeds\/[A-Za-z0-9_-]+\.ics$/);
    await expect(section.getByRole('link', { name: fr ? "M'abonner dans mon application de calendrier" : 'Subscribe in my calendar application' }))
      .toHaveAttribute('href', first.replace(/^https?:/, 'webcal:'));
    await expect(section).toContainText(fr ? "Aucun calendrier ne l'a encore lue." : 'No calendar has read it yet.');
    await expectAccessible(page, js);

    // Their calendar application reads it.
    const read = await page.request.get(first, { headers: { 'User-Agent': 'Microsoft Outlook' } });
    expect(read.status()).toBe(200);
    expect(read.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    expect(await read.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);
    await page.reload();
    await ready(page, js);
    await expect(section).toContainText(fr ? 'Dernière lecture par un calendrier' : 'Last read by a calendar');

    // A new address: the old one answers "not found" at once.
    await section.getByRole('button', { name: fr ? 'Obtenir une nouvelle adresse' : 'Get a new address' }).click();
    await ready(page, js);
    const second = await address.inputValue();
    expect(second).not.toBe(first);
    expect((await page.request.get(first)).status()).toBe(404);
    expect((await page.request.get(second)).status()).toBe(200);

    // Off: the address is gone and answers "not found".
    await section.getByRole('button', { name: fr ? 'Désactiver' : 'Turn off' }).click();
    await ready(page, js);
    await expect(page.getByRole('status')).toContainText(fr ? 'Votre adresse de calendrier est désactivée' : 'Your calendar address is turned off');
    await expect(address).toHaveCount(0);
    expect((await page.request.get(second)).status()).toBe(404);
    await expectAccessible(page, js);
  });

  test('busy times from the member\'s own calendar: a wrong address is named, a calendar is connected and read, a failing one says why and keeps its busy times, and it is removed', async ({ page, js }) => {
    const fr = !js;
    const member = js ? 'mentee13@demo.test' : 'mentee14@demo.test';
    const calendar = await memberCalendarServer();
    try {
      await signIn(page, js, member);
      await setLanguage(page, fr ? 'fr' : 'en');
      await page.goto('/account');
      await ready(page, js);
      const section = page.locator('#busy-calendar');
      await expect(section.getByRole('heading', { level: 2 })).toHaveText(fr ? 'Vos occupations depuis votre agenda' : 'Busy times from your calendar');
      await expect(section).toContainText(fr ? "Aucun agenda n'est connecté." : 'No calendar is connected.');
      const address = section.getByLabel(fr ? 'Adresse secrète de votre agenda (iCal)' : "Your calendar's secret address (iCal)");
      const connect = section.getByRole('button', { name: fr ? 'Connecter' : 'Connect' });

      // A wrong address: the error names the field, beside it.
      await address.fill('ftp://calendar.example.com/basic.ics');
      await connect.click();
      await ready(page, js);
      await expect(section.locator('#busy-address-error')).toContainText(fr ? 'commence par https:// ou webcal://' : 'starting with https:// or webcal://');
      await expect(address).toHaveAttribute('aria-invalid', 'true');

      // Connected: read at once; the free event does not count.
      await address.fill(calendar.url);
      await connect.click();
      await ready(page, js);
      await expect(page.getByRole('status')).toContainText(fr ? 'Votre agenda est connecté.' : 'Your calendar is connected.');
      await expect(section).toContainText(fr ? 'Connecté à 127.0.0.1.' : 'Connected to 127.0.0.1.');
      await expect(section).toContainText(fr ? ': 2 occupations dans les 12 prochains mois.' : ': 2 busy events in the next 12 months.');
      await expect(section.locator('#busy-address-error')).toBeEmpty();
      await expectAccessible(page, js);

      // Failing: why, and the busy times of the last reading still count.
      calendar.fail(500);
      await section.getByRole('button', { name: fr ? 'Lire maintenant' : 'Read now' }).click();
      await ready(page, js);
      const alert = section.getByRole('alert');
      await expect(alert).toContainText(fr ? "son serveur a répondu par l'erreur 500." : 'its server answered with error 500.');
      await expect(alert).toContainText(fr ? 'comptent toujours' : 'still count');
      await expectAccessible(page, js);

      // Removed.
      await section.getByRole('button', { name: fr ? 'Retirer' : 'Remove' }).click();
      await ready(page, js);
      await expect(page.getByRole('status')).toContainText(fr ? 'Votre agenda est retiré' : 'Your calendar is removed');
      await expect(section).toContainText(fr ? "Aucun agenda n'est connecté." : 'No calendar is connected.');
    } finally {
      calendar.close();
    }
  });
});
