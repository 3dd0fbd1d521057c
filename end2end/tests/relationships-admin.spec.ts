import { test, expect, ready, signIn, signOut, setLanguage, expectAccessible, membersTableReady, ADMIN } from './fixtures';
import { waitForMail, mailCount } from './mail';

// Each run (JavaScript off, then hydrated) matches its own mentor with two mentees of
// its own: the second match goes past the mentor's maximum (one mentee, the program's
// default) and needs the confirmation.
test.describe('administrator matching', () => {
  test('matches a pair, confirms going past a maximum, and finds it on the Relationships page and the members table', async ({ page, js, allowConsoleErrors }) => {
    allowConsoleErrors(/status of 409/);
    const mentor = js ? 'mentor30@demo.test' : 'mentor29@demo.test';
    const [first, second] = js ? ['mentee30@demo.test', 'mentee24@demo.test'] : ['mentee29@demo.test', 'mentee23@demo.test'];
    await signIn(page, js, ADMIN);
    await setLanguage(page, 'en');
    await page.goto('/admin');
    await ready(page, js);
    await page.locator('[data-tile="matching"]').getByRole('link', { name: 'Match members' }).click();
    await ready(page, js);
    await expect(page.getByRole('heading', { name: 'Match members', level: 1 })).toBeVisible();
    await expectAccessible(page, js);

    const pick = async (mentee: string) => {
      await page.getByLabel('Find a mentor by name or e-mail').fill(mentor);
      await page.getByLabel('Find a mentee by name or e-mail').fill(mentee);
      await page.getByRole('button', { name: 'Show the pair' }).click();
      await ready(page, js);
      await page.locator('.match-options li', { hasText: mentor }).getByRole('radio').check();
      if (js) await expect(page).toHaveURL(/mentor=\d+/);
      await page.locator('.match-options li', { hasText: mentee }).getByRole('radio').check();
      if (!js) await page.getByRole('button', { name: 'Show the pair' }).click();
      await expect(page.getByRole('heading', { name: /\(mentor\) and .* \(mentee\)/ })).toBeVisible();
      await ready(page, js);
    };

    // A mentor with room and a mentee: their loads, then Match.
    await pick(first);
    await expect(page.locator('.match-options li', { hasText: mentor })).toContainText('0 of 1 mentee');
    await expectAccessible(page, js);
    const pair = (await page.locator('#match-pair-title').innerText()).trim();
    const [, menteeName] = pair.replace(' (mentee)', '').split(' (mentor) and ');
    const before = mailCount();
    await page.getByRole('button', { name: 'Match', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('You matched them');
    await ready(page, js);
    await expect(page.locator('.stage-current')).toContainText('Relationship established');
    for (const to of [mentor, first]) await waitForMail(to, /./, before);

    // The mentor is now full: the second mentee needs "Match anyway".
    await page.goto('/admin/match');
    await ready(page, js);
    await pick(second);
    await expect(page.getByRole('alert').filter({ hasText: 'goes over the maximum' })).toBeVisible();
    await page.getByRole('button', { name: 'Match', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Match anyway' })).toBeVisible();
    await ready(page, js);
    await page.getByLabel('Match anyway').check();
    await page.getByRole('button', { name: 'Match', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('You matched them');
    await ready(page, js);

    // The Relationships page shows both at once: search by the mentor's e-mail (their
    // name could be another member's too), tabs with counts, the request column, sorting
    // and Details.
    await page.goto('/admin/relationships');
    await ready(page, js);
    await expectAccessible(page, js);
    const search = page.getByLabel('Search by name');
    await search.fill(mentor);
    if (js) await expect(page).toHaveURL(/q=/);
    else await page.getByRole('button', { name: 'Search', exact: true }).click();
    await ready(page, js);
    await expect(page.getByRole('link', { name: 'Matched (2)' })).toBeVisible();
    const rows = page.locator('.relationships-table tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText('Matched by an administrator');
    await expect(rows.filter({ hasText: menteeName })).toHaveCount(1);
    await page.getByRole('link', { name: 'Mentee', exact: true }).click();
    await expect(page).toHaveURL(/sort=mentee&dir=asc/);
    await ready(page, js);
    await expect(page.locator('.relationships-table th[aria-sort="ascending"]')).toHaveText('Mentee');
    await page.getByRole('link', { name: 'Completed (0)' }).click();
    await ready(page, js);
    await expect(rows).toHaveCount(0);
    await page.getByRole('link', { name: 'Matched (2)' }).click();
    await ready(page, js);
    await rows.filter({ hasText: menteeName }).getByRole('link', { name: /^Details/ }).click();
    await ready(page, js);
    await expect(page.locator('.stage-current')).toContainText('Relationship established');

    // The members table counts the mentor's two relationships.
    await page.goto(`/admin/members?q=${encodeURIComponent(mentor)}`);
    await membersTableReady(page, js);
    const headers = await page.locator('.members-table thead th').allInnerTexts();
    const column = headers.findIndex((h) => h.trim() === 'Relationships');
    expect(column).toBeGreaterThan(0);
    const row = page.locator('.members-table tbody tr', { hasText: mentor });
    await expect(row.locator('th, td').nth(column)).toHaveText('2');

    // In French, the seed's wording.
    await setLanguage(page, 'fr');
    await page.goto(`/admin/relationships?q=${encodeURIComponent(mentor)}`);
    await ready(page, js);
    await expect(page.getByRole('link', { name: 'Jumelé (2)' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Nom du mentor', exact: true })).toBeVisible();
    await expect(page.locator('.relationships-table tbody tr').first()).toContainText('Jumelé par un administrateur');
    await expectAccessible(page, js);
    await page.goto('/admin/relationships/end-all');
    await ready(page, js);
    await expect(page.getByRole('button', { name: /^Terminer \d+ relations$/ })).toBeVisible();
    await expectAccessible(page, js);
    await setLanguage(page, 'en');
    await signOut(page, js);
  });
});
