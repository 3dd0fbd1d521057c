import { test, expect, ready, membersTableReady, expectAccessible, signIn, signOut, setLanguage, ADMIN } from './fixtures';

// Held meetings become hours everywhere an administrator or the member looks: the demo's
// mentor05 and mentee05 (and mentor06 and mentee06) met four times for an hour, weeks ago.
// The Relationships page shows the pair's 4:00 and 4 meetings, the members table's
// "Mentoring hours" column and its at-least filter find them, and the mentee's profile
// panel says "Your mentoring hours 4:00". French without JavaScript, English hydrated.

test.describe('mentoring hours', () => {
  test('held meetings show as hours on the Relationships page, the members table and the profile panel', async ({ page, js }) => {
    const fr = !js;
    await signIn(page, js, ADMIN);
    await setLanguage(page, fr ? 'fr' : 'en');

    await page.goto('/admin/relationships?q=mentee05%40demo.test');
    await ready(page, js);
    const row = page.locator('.relationships-table tbody tr');
    await expect(row).toHaveCount(1);
    const numbers = row.locator('td.number');
    await expect(numbers.nth(0)).toHaveText('4:00');
    await expect(numbers.nth(1)).toHaveText('4');
    await expect(row).toContainText(fr ? 'Aucune' : 'None');

    await page.goto('/admin/members?hours_min=4&q=demo.test&sort=hours&dir=desc');
    await membersTableReady(page, js);
    await expect(page.locator('#filter-hours-min')).toHaveValue('4');
    const rows = page.locator('.members-table tbody tr');
    await expect(rows).toHaveCount(4);
    for (const who of ['mentor05', 'mentee05', 'mentor06', 'mentee06']) {
      await expect(rows.filter({ hasText: `${who}@demo.test` })).toContainText('4:00');
    }
    await expectAccessible(page, js);
    // Nobody in the demo has met for five hours.
    await page.goto('/admin/members?hours_min=5');
    await membersTableReady(page, js);
    await expect(page.locator('.members-table tbody tr')).toHaveCount(0);

    await signOut(page, js);
    await signIn(page, js, 'mentee05@demo.test');
    await setLanguage(page, fr ? 'fr' : 'en');
    await page.goto('/profile');
    await ready(page, js);
    await expect(page.locator('dd[data-stat="hours"]')).toHaveText('4:00');
    await expect(page.locator('dt', { hasText: fr ? 'Vos heures de mentorat' : 'Your mentoring hours' })).toBeVisible();
  });
});

test.describe('logging a meeting held elsewhere', () => {
  test('a mentee logs a meeting from the relationship page; it counts, a future date is refused, and it can be removed', async ({ page, js, allowConsoleErrors }) => {
    const fr = !js;
    // The refused date is the server's answer 422, which the browser reports.
    allowConsoleErrors(/status of 422/);
    const mentee = js ? 'mentee10@demo.test' : 'mentee07@demo.test';
    await signIn(page, js, mentee);
    await setLanguage(page, fr ? 'fr' : 'en');
    await page.goto('/connections');
    await ready(page, js);
    await page.locator('a[href^="/relationships/"]').first().click();
    await ready(page, js);
    const tile = page.locator('.meetings-tile');
    const facts = tile.locator('dd');
    await expect(facts.nth(1)).toHaveText('0');
    await expect(facts.nth(2)).toHaveText('0:00');

    const iso = (days: number) => {
      const d = new Date(Date.now() + days * 86_400_000);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    const open = tile.locator('summary', { hasText: fr ? 'Enregistrer une réunion tenue ailleurs' : 'Log a meeting held elsewhere' });
    // A day still to come is refused, naming the field.
    await open.click();
    await tile.locator('#log-day').fill(iso(3));
    await tile.getByRole('button', { name: fr ? 'Enregistrer cette réunion' : 'Log this meeting' }).click();
    await ready(page, js);
    await expect(page.getByRole('alert')).toContainText(fr ? 'Date de la réunion' : 'Date of the meeting');
    await expect(facts.nth(1)).toHaveText('0');

    if (!js) await open.click();
    await tile.locator('#log-day').fill(iso(-3));
    await tile.locator('#log-minutes').selectOption('30');
    await tile.locator('#log-type').selectOption('phone');
    await tile.locator('#log-note').fill('Coffee near the office');
    await tile.getByRole('button', { name: fr ? 'Enregistrer cette réunion' : 'Log this meeting' }).click();
    await ready(page, js);
    await expect(tile.locator('[role="status"]', { hasText: fr ? 'La réunion est enregistrée' : 'The meeting is logged' })).toBeVisible();
    await expect(facts.nth(1)).toHaveText('1');
    await expect(facts.nth(2)).toHaveText('0:30');
    const logged = tile.locator('.logged-meetings li');
    await expect(logged).toHaveCount(1);
    await expect(logged).toContainText('Coffee near the office');
    await expectAccessible(page, js);

    await logged.getByRole('button', { name: fr ? /Retirer/ : /Remove/ }).click();
    await ready(page, js);
    await expect(facts.nth(1)).toHaveText('0');
    await expect(tile.locator('.logged-meetings li')).toHaveCount(0);
  });
});
