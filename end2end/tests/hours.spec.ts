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
