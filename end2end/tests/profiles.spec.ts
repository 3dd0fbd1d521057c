import { test, expect, ready, membersTableReady, expectAccessible, signIn, signOut, setLanguage, openUserMenu, ADMIN, MENTOR } from './fixtures';

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
    await membersTableReady(page, js);
    await expect(page.getByRole('columnheader', { name: 'Profile completeness' })).toBeVisible();
    // The seeded mentor filled 10 of the 15 fields that count for mentors.
    await expect(page.getByRole('row').filter({ hasText: MENTOR }).getByRole('cell').nth(1)).toHaveText('66%');
    await setLanguage(page, 'fr');
    await page.reload();
    await ready(page, js);
    await expect(page.getByRole('columnheader', { name: 'Achèvement du profil' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: MENTOR }).getByRole('cell').nth(1)).toHaveText('66\u00a0%');
    await setLanguage(page, 'en');
    await signOut(page, js);
  });
});

// An 8x8 PNG: enough for the server to crop and resize into a 256x256 JPEG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAbUlEQVR4nBXOUREAUQhCUZOYhCQkMclNQhIS7Vs/OQzjzLCDBg83MGToMLPsosXLLSxZug/ECgmLE4iI6oFZI2NzBhNTPzj20OHjDo4cvQf/7Bt41Rf+F+h7YsIGBYfLHyc0D8oWFZfrX05p+QDQyloBxqB3AwAAAABJRU5ErkJggg==',
  'base64',
);

async function completeness(page) {
  return (await page.locator('[data-stat="completeness"]').innerText()).trim().split('\n')[0];
}

async function memberRowCompleteness(page, js: boolean, email: string) {
  await page.goto(`/admin/members?q=${encodeURIComponent(email)}`);
  await membersTableReady(page, js);
  return page.getByRole('row').filter({ hasText: email }).getByRole('cell').nth(1);
}

test.describe('member profile', () => {
  test('a member fills the three tabs to 100 %; a new required custom field lowers it at once; answering it restores it', async ({ page, js, allowConsoleErrors }) => {
    // A whole journey (three tabs, two accounts, two languages): three times the usual time.
    test.slow();
    // The refused saves below answer 422.
    allowConsoleErrors(/status of 422/);
    allowConsoleErrors(/^\(422 /);
    const tag = `${js ? 'H' : 'N'}${stamp()}`;
    const email = `e2e-profile-${tag.toLowerCase()}@example.test`;
    await page.goto('/join/demo-invitation');
    await ready(page, js);
    await page.getByLabel('First name').fill('Robin');
    await page.getByLabel('Last name').fill(`Profile ${tag}`);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('profile password 123');
    await page.getByLabel('Confirm password').fill('profile password 123');
    await page.getByLabel('Mentee').check();
    await page.getByLabel('English').check();
    await page.getByRole('button', { name: 'Create my account' }).click();
    await expect(page.locator('.topbar')).toBeVisible();
    await ready(page, js);

    // Edit profile, from the user menu.
    await openUserMenu(page);
    await page.getByRole('link', { name: 'Edit Profile' }).click();
    await expect(page).toHaveURL(/\/profile$/);
    await ready(page, js);
    await expect(page.getByRole('link', { name: '1. Basic information' })).toHaveAttribute('aria-current', 'page');
    // Names, time zone and the default country: 4 of the 15 fields that count for mentees.
    await expect.poll(() => completeness(page)).toBe('26%');
    await expectAccessible(page, js);

    // 1. Basic information: photo, place, languages.
    await page.getByLabel('Profile picture').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: 'Upload photo' }).click();
    await ready(page, js);
    await expect(page.getByRole('status')).toHaveText('Your photo was saved.');
    await expect(page.locator('img.avatar-large')).toBeVisible();
    // The photo is the avatar in the top bar too.
    await expect(page.locator('.user-menu img.avatar')).toHaveAttribute('src', /^\/photos\/\d+\/[0-9a-f]{16}\.jpg$/);
    const basic = page.locator('section[aria-labelledby="basic-title"]');
    await basic.getByLabel('City', { exact: true }).fill('Halifax');
    await basic.getByLabel('State/Province').fill('Nova Scotia');
    await basic.getByRole('checkbox', { name: 'Arabic' }).check();
    await basic.getByRole('checkbox', { name: 'English' }).check();
    // A required field left empty is refused, naming it; with JavaScript nothing typed is lost.
    if (js) {
      await basic.getByLabel('First name').fill('');
      await basic.getByLabel('First name').evaluate((el) => el.removeAttribute('required'));
      await basic.getByRole('button', { name: 'Save' }).click();
      await expect(basic.getByRole('alert')).toHaveText('First name is required.');
      await expect(basic.getByLabel('First name')).toHaveAttribute('aria-invalid', 'true');
      await expect(basic.getByLabel('City', { exact: true })).toHaveValue('Halifax');
      await basic.getByLabel('First name').fill('Robin');
    }
    await basic.getByRole('button', { name: 'Save' }).click();
    await ready(page, js);
    await expect(basic.getByRole('status')).toHaveText('Your profile was saved.');
    await expect.poll(() => completeness(page)).toBe('46%');

    // 2. Employment.
    await page.getByRole('link', { name: '2. Employment' }).click();
    await ready(page, js);
    const job = page.getByRole('group', { name: 'Add a position' });
    await job.getByLabel('Current job title').fill('Analyst');
    await job.getByLabel('Company').fill('Harbour Bank');
    await job.getByLabel('Industry').selectOption({ label: 'Financial Services' });
    await job.getByLabel('Job function').selectOption({ index: 1 });
    await page.locator('section[aria-labelledby="employment-title"]').getByRole('button', { name: 'Save' }).click();
    await ready(page, js);
    await expect(page.locator('section[aria-labelledby="employment-title"]').getByRole('status')).toHaveText('Your profile was saved.');
    await expect(page.getByRole('group', { name: 'Position 1' }).getByLabel('Current job title')).toHaveValue('Analyst');
    await expect.poll(() => completeness(page)).toBe('73%');

    // 3. Skills.
    await page.getByRole('link', { name: '3. Skills' }).click();
    await ready(page, js);
    const skills = page.locator('section[aria-labelledby="skills-title"]');
    await skills.getByRole('group', { name: 'Development areas' }).getByRole('checkbox').first().check();
    await skills.getByLabel('Summary').fill('Analyst learning to lead a team.');
    await skills.getByLabel('Goals').fill('Lead a team within two years.');
    await skills.getByRole('checkbox', { name: 'Video' }).check();
    await expectAccessible(page, js);
    await skills.getByRole('button', { name: 'Save' }).click();
    await ready(page, js);
    await expect(skills.getByRole('status')).toHaveText('Your profile was saved.');
    await expect.poll(() => completeness(page)).toBe('100%');
    await signOut(page, js);

    // The administrator adds a required field for mentees: the member's figure drops at once.
    await signIn(page, js, ADMIN);
    await setLanguage(page, 'en');
    expect(await (await memberRowCompleteness(page, js, email)).innerText()).toBe('100%');
    await page.goto('/admin/profile-fields');
    await ready(page, js);
    await page.getByRole('link', { name: 'Add a custom field' }).click();
    await ready(page, js);
    await page.getByLabel('English name').fill(`Pronouns ${tag}`);
    await page.getByLabel('French name').fill(`Pronom ${tag}`);
    await page.getByLabel('Options (English)').fill('He/Him, She/Her, They/Them');
    await page.getByLabel('Options (French)').fill('Il/Lui, Elle/Elle');
    await page.getByLabel('Role').selectOption({ label: 'Mentee' });
    await page.getByLabel('Required field').check();
    await page.getByLabel('Single select').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('alert')).toHaveText('Options (French): give as many French options as English ones, in the same order.');
    await page.getByLabel('Options (French)').fill('Il/Lui, Elle/Elle, Iel');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).toHaveURL(/\/admin\/profile-fields\?saved=1$/);
    await ready(page, js);
    await expect(page.getByRole('status')).toContainText('The custom field was saved.');
    await expect(page.getByRole('row').filter({ hasText: `Pronouns ${tag}` })).toContainText('He/Him, She/Her, They/Them');
    await expectAccessible(page, js);
    // 15 of 16: no recalculation needed.
    expect(await (await memberRowCompleteness(page, js, email)).innerText()).toBe('93%');
    await signOut(page, js);

    // The member sees the new question in their language and answers it.
    await page.goto('/profile?tab=skills');
    await ready(page, js);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill('profile password 123');
    await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
    await expect(page.locator('.topbar')).toBeVisible();
    await ready(page, js);
    await expect(page).toHaveURL(/\/profile\?tab=skills$/);
    await expect.poll(() => completeness(page)).toBe('93%');
    // In French, the question and its options are the French ones.
    await setLanguage(page, 'fr');
    await page.reload();
    await ready(page, js);
    const answer = page.getByRole('group', { name: `Pronom ${tag}` });
    await expect(answer.getByLabel('Il/Lui')).toBeVisible();
    await answer.getByLabel('Elle/Elle').check();
    await page.locator('section[aria-labelledby="skills-title"]').getByRole('button', { name: 'Enregistrer' }).click();
    await ready(page, js);
    await expect.poll(() => completeness(page)).toBe('100\u00a0%');
    await expectAccessible(page, js);
    await setLanguage(page, 'en');
    await signOut(page, js);

    // Back to 100 % in the members table; the field is removed again.
    await signIn(page, js, ADMIN);
    expect(await (await memberRowCompleteness(page, js, email)).innerText()).toBe('100%');
    await page.goto('/admin/profile-fields');
    await ready(page, js);
    const row = page.getByRole('row').filter({ hasText: `Pronouns ${tag}` });
    await row.getByText('Delete', { exact: true }).click();
    await row.getByRole('button', { name: 'Yes, delete it' }).click();
    await ready(page, js);
    await expect(page.getByRole('status')).toContainText('The custom field was deleted.');

    // Leave the demo program as it was: later tests assert its member counts.
    await page.goto(`/admin/members?q=${encodeURIComponent(email)}`);
    await membersTableReady(page, js);
    await page.getByRole('row').filter({ hasText: email }).getByRole('link').first().click();
    await ready(page, js);
    await page.getByLabel(/^Yes, permanently delete/).check();
    await page.getByRole('button', { name: 'Delete permanently' }).click();
    await ready(page, js);
    await expect(page.getByRole('status')).toContainText('The member was permanently deleted.');
    await signOut(page, js);
  });
});
