import { test, expect, ready, expectAccessible, signIn, signOut, setLanguage, ADMIN } from './fixtures';
import { waitForMail, linkPath } from './mail';

// Unique per run and per project (the two projects share one server).
const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

test.describe('accounts', () => {
  test('register through the invitation link, forget the password, reset it from the e-mail, sign in', async ({ page, js }) => {
    const email = `e2e-join-${js ? 'js' : 'nojs'}-${stamp()}@example.test`;
    await page.goto('/join/demo-invitation');
    await ready(page, js);
    await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
    await expectAccessible(page, js);
    await page.getByLabel('First name').fill('Jordan');
    await page.getByLabel('Last name').fill('Lee');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('first password 123');
    await page.getByLabel('Confirm password').fill('first password 123');
    await page.getByLabel('Mentee').check();
    await page.getByLabel('English').check();
    await page.getByRole('button', { name: 'Create my account' }).click();
    await expect(page.locator('.topbar')).toBeVisible();
    await ready(page, js);
    await expect(page.getByRole('status')).toContainText('Your account is ready');
    await waitForMail(email, /^Welcome to /);
    await signOut(page, js);

    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await ready(page, js);
    await expectAccessible(page, js);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await ready(page, js);
    await expect(page.getByRole('status')).toContainText('If an account exists');

    const mail = await waitForMail(email, /^Reset your /);
    expect(mail.text).toContain('Hello Jordan,');
    await page.goto(linkPath(mail.text, '/password/'));
    await ready(page, js);
    await expect(page.getByRole('heading', { name: 'Choose your password' })).toBeVisible();
    await expectAccessible(page, js);
    await page.getByLabel('Password', { exact: true }).fill('second password 456');
    await page.getByLabel('Confirm password').fill('second password 456');
    await page.getByRole('button', { name: 'Save and sign in' }).click();
    await expect(page.locator('.topbar')).toBeVisible();
    await ready(page, js);
    await expect(page.getByRole('status')).toContainText('Your password has been saved');
    await signOut(page, js);

    // The old password is gone; the new one works.
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill('first password 123');
    await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
    await expect(page.getByRole('alert')).toHaveText('The e-mail address or password is incorrect.');
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill('second password 456');
    await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
    await expect(page.locator('.topbar')).toBeVisible();
    await ready(page, js);
    await signOut(page, js);
  });

  test('an import with a bad row creates nobody; the fixed file creates everyone and e-mails them in their language', async ({ page, js }) => {
    const id = stamp();
    const en = `e2e-import-en-${id}@example.test`;
    const fr = `e2e-import-fr-${id}@example.test`;
    const rows = (frEmail: string) =>
      `first_name,last_name,email,role,language\nAva,Stone,${en},mentor,en\nÉlise,Roy,${frEmail},mentee,fr\n`;
    await signIn(page, js, ADMIN);
    await setLanguage(page, 'en');
    await page.goto('/admin/members/import');
    await ready(page, js);
    await expectAccessible(page, js);
    await page.getByLabel('File to import').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(rows('not-an-address')) });
    await page.getByRole('button', { name: 'Import' }).click();
    await ready(page, js);
    await expect(page.locator('.import-run')).toHaveAttribute('data-status', 'invalid');
    const problem = page.locator('.import-run tbody tr');
    await expect(problem).toHaveCount(1);
    await expect(problem).toContainText('3');
    await expect(problem).toContainText('"not-an-address" is not a valid e-mail address.');
    await expectAccessible(page, js);

    await page.goto(`/admin/members?q=${encodeURIComponent(id)}`);
    await ready(page, js);
    await expect(page.locator('.result-count')).toHaveText('Displaying 0 members');

    await page.goto('/admin/members/import');
    await ready(page, js);
    await page.getByLabel('File to import').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(rows(fr)) });
    await page.getByRole('button', { name: 'Import' }).click();
    await ready(page, js);
    await expect(page.locator('.import-run')).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
    await expect(page.getByRole('status')).toContainText('2 new members');

    const english = await waitForMail(en, /account is ready$/);
    expect(english.text).toContain('Hello Ava,');
    const french = await waitForMail(fr, /^Votre compte .* est prêt$/);
    expect(french.text).toContain('Bonjour Élise,');
    expect(linkPath(french.text, '/password/')).toMatch(/^\/password\//);

    await page.goto(`/admin/members?q=${encodeURIComponent(id)}`);
    await ready(page, js);
    await expect(page.locator('.result-count')).toHaveText('Displaying 2 members');
    await signOut(page, js);
  });
});
