import { test, expect, ready, expectAccessible, signIn, signOut, setLanguage, ADMIN, MENTOR } from './fixtures';

// The two projects share one server: names are unique per run and project.
const stamp = () => `${Date.now() % 1e7}${Math.floor(Math.random() * 1e3)}`;

test.describe('program lists', () => {
  test('an administrator adds, renames, reorders and deletes list entries in both languages', async ({ page, js }) => {
    const tag = `${js ? 'H' : 'N'}${stamp()}`;
    const en = `Aquaculture ${tag}`;
    const fr = `Aquaculture (fr) ${tag}`;
    await signIn(page, js, ADMIN);
    await setLanguage(page, 'en');
    await page.goto('/admin');
    await ready(page, js);
    await page.getByRole('link', { name: 'Profile lists' }).click();
    await expect(page).toHaveURL(/\/admin\/lists\/industry$/);
    await ready(page, js);
    await expect(page.getByRole('link', { name: 'Industries' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('table')).toContainText('Financial Services');
    await expectAccessible(page, js);

    // Add: both names are required, and a name already in the list is refused.
    await page.getByLabel('English name', { exact: true }).fill('health care');
    await page.getByLabel('French name', { exact: true }).fill('Autre chose');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('English name: this list already has an entry with that name.');
    await page.getByLabel('English name', { exact: true }).fill(en);
    await page.getByLabel('French name', { exact: true }).fill(fr);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText('The entry was added.');
    const row = page.getByRole('row').filter({ has: page.getByLabel(`English name of ${en}`) });
    await expect(row.getByRole('cell').nth(2)).toHaveText('0');

    // New entries go last; move it up one place.
    const names = () => page.locator('tbody input[name="label_en"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const before = await names();
    expect(before[before.length - 1]).toBe(en);
    await row.getByRole('button', { name: `Move ${en} up` }).click();
    await ready(page, js);
    const after = await names();
    expect(after[after.length - 2]).toBe(en);

    // Rename the French name.
    const renamed = page.getByRole('row').filter({ has: page.getByLabel(`English name of ${en}`) });
    await renamed.getByLabel(`French name of ${en}`).fill(`Aquaculture marine ${tag}`);
    await renamed.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status')).toHaveText('The entry was saved.');

    // French administrators see the French names and labels.
    await setLanguage(page, 'fr');
    await page.goto('/admin/lists/industry');
    await ready(page, js);
    await expect(page.getByRole('heading', { name: 'Listes des profils' })).toBeVisible();
    await expect(page.getByRole('link', { name: "Secteurs d'activité" })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByLabel(`Nom français de ${en}`)).toHaveValue(`Aquaculture marine ${tag}`);
    await expectAccessible(page, js);
    await setLanguage(page, 'en');
    await page.goto('/admin/lists/industry');
    await ready(page, js);

    // Delete, after the confirmation that says how many profiles use it.
    const doomed = page.getByRole('row').filter({ has: page.getByLabel(`English name of ${en}`) });
    await doomed.getByText('Delete', { exact: true }).click();
    await expect(doomed).toContainText(`Delete "${en}"? No profile uses it.`);
    await doomed.getByRole('button', { name: 'Yes, delete it' }).click();
    await expect(page.getByRole('status')).toHaveText('The entry was deleted.');
    await expect(page.getByLabel(`English name of ${en}`)).toHaveCount(0);

    // Another list: the tabs lead there.
    await page.getByRole('link', { name: 'Meeting cities' }).click();
    await expect(page).toHaveURL(/\/admin\/lists\/meeting_city$/);
    await expect(page.getByLabel('English name of Halifax')).toBeVisible();

    // On a phone the table scrolls inside its box; the page itself does not.
    await page.setViewportSize({ width: 375, height: 740 });
    await page.reload();
    await ready(page, js);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, js);
    await signOut(page, js);
  });

  test('the members list shows each member\'s stored profile completeness, in the viewer\'s language', async ({ page, js }) => {
    await signIn(page, js, ADMIN);
    await setLanguage(page, 'en');
    await page.goto('/admin/members?q=mentor%40demo.test');
    await ready(page, js);
    await expect(page.getByRole('columnheader', { name: 'Profile completeness' })).toBeVisible();
    // The seeded mentor filled 10 of the 15 fields that count for mentors.
    await expect(page.getByRole('row').filter({ hasText: MENTOR }).getByRole('cell').nth(3)).toHaveText('66%');
    await setLanguage(page, 'fr');
    await page.reload();
    await ready(page, js);
    await expect(page.getByRole('columnheader', { name: 'Achèvement du profil' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: MENTOR }).getByRole('cell').nth(3)).toHaveText('66\u00a0%');
    await setLanguage(page, 'en');
    await signOut(page, js);
  });
});
