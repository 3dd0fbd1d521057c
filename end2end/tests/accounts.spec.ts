import { test, expect, ready, membersTableReady, expectAccessible, signIn, signOut, setLanguage, ADMIN, PASSWORD, switchProgram } from './fixtures';
import { waitForMail, linkPath, mailCount, Mail } from './mail';

// Unique per run and per project (the two projects share one server). These tests add
// members to the second demo program ("Leadership Circle"), so the demo program keeps the
// counts the foundation tests check.
const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

test.describe('accounts', () => {
  test('register through the invitation link, forget the password, reset it from the e-mail, sign in', async ({ page, js }) => {
    const email = `e2e-join-${js ? 'js' : 'nojs'}-${stamp()}@example.test`;
    await page.goto('/join/circle-invitation');
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

  test('an existing account joins through the link by signing in, never by typing its password into the registration form', async ({ page, js }) => {
    const email = `e2e-rejoin-${js ? 'js' : 'nojs'}-${stamp()}@example.test`;
    const register = async (password: string) => {
      await page.goto('/join/circle-invitation');
      await ready(page, js);
      await page.getByLabel('First name').fill('Robin');
      await page.getByLabel('Last name').fill('Roy');
      await page.getByLabel('E-mail address').fill(email);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByLabel('Confirm password').fill(password);
      await page.getByLabel('Mentee').check();
      await page.getByLabel('English').check();
      await page.getByRole('button', { name: 'Create my account' }).click();
    };
    await register('robin password 123');
    await expect(page.locator('.topbar')).toBeVisible();
    await ready(page, js);
    await signOut(page, js);

    // The right password in the registration form is refused like any other.
    await register('robin password 123');
    await ready(page, js);
    await expect(page.getByRole('alert')).toContainText('An account already exists with this e-mail address');
    await expect(page.locator('.topbar')).toHaveCount(0);

    // Signing in from the link's page comes back to it; a member is just taken there.
    await page.getByRole('link', { name: 'Already have an account? Sign in' }).click();
    // The registration form has an e-mail field too: wait for the sign-in page itself.
    await expect(page).toHaveURL(/\/login\?next=/);
    await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
    await ready(page, js);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill('robin password 123');
    await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
    await expect(page).toHaveURL(/^[^?]*\/join\/circle-invitation$/);
    await ready(page, js);
    await expect(page.getByText(`You are signed in as ${email}.`)).toBeVisible();
    await expect(page.getByText('You are already a member of Leadership Circle.')).toBeVisible();
    await expect(page.getByRole('radio')).toHaveCount(0);
    await expectAccessible(page, js);
    await page.getByRole('button', { name: 'Go to Leadership Circle' }).click();
    await expect(page.locator('.topbar-program')).toHaveText('Leadership Circle');
    await ready(page, js);
    await expect(page).toHaveURL(/\/$/);
    await signOut(page, js);

    // A member of another program joins with a role, keeps their account, gets the welcome.
    const demoMember = js ? 'mentee27@demo.test' : 'mentee28@demo.test';
    await page.goto('/login?next=/join/circle-invitation');
    await ready(page, js);
    await page.locator('input[name="email"]').fill(demoMember);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
    await expect(page).toHaveURL(/\/join\/circle-invitation$/);
    await setLanguage(page, 'en');
    await page.reload();
    await ready(page, js);
    await expect(page.getByText('You are joining Leadership Circle.')).toBeVisible();
    await expectAccessible(page, js);
    await page.getByLabel('Mentee').check();
    const welcomes = mailCount();
    await page.getByRole('button', { name: 'Join with my account' }).click();
    await expect(page.locator('.topbar-program')).toHaveText('Leadership Circle');
    await ready(page, js);
    await waitForMail(demoMember, /^(Welcome to|Bienvenue)/, welcomes);
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
    await switchProgram(page, js, 'Leadership Circle');
    await page.goto('/admin/members/import');
    await ready(page, js);
    await expectAccessible(page, js);
    await page.getByLabel('File to import').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(rows('not-an-address')) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
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
    await page.getByRole('button', { name: 'Import', exact: true }).click();
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

test.describe('administrator and e-mail', () => {
  test('deactivating a signed-in member ends their session and tells them why, in French', async ({ page, js, browser }) => {
    const mentee = await browser.newContext({ javaScriptEnabled: js });
    const menteePage = await mentee.newPage();
    try {
      await signIn(menteePage, js, 'mentee@demo.test');
      await signIn(page, js, ADMIN);
      await setLanguage(page, 'en');
      await page.goto('/admin/members?q=mentee%40demo.test');
      await membersTableReady(page, js);
      await page.locator('.data-table tbody a', { hasText: /.+/ }).first().click();
      await ready(page, js);
      await expectAccessible(page, js);
      await page.getByRole('button', { name: 'Deactivate' }).click();
      await ready(page, js);
      await expect(page.getByRole('button', { name: 'Reactivate' })).toBeVisible();

      await menteePage.reload();
      await expect(menteePage.locator('input[name="password"]')).toBeVisible();
      await ready(menteePage, js);
      await menteePage.locator('input[name="email"]').fill('mentee@demo.test');
      await menteePage.locator('input[name="password"]').fill('demo-password');
      await menteePage.locator('form:has(input[name="password"]) button[type="submit"]').click();
      await expect(menteePage.getByRole('alert')).toHaveText(
        'Votre compte a été désactivé. Veuillez envoyer un courriel à admin@demo.test pour réactiver votre compte.',
      );
    } finally {
      await page.getByRole('button', { name: 'Reactivate' }).click();
      await ready(page, js);
      await expect(page.getByRole('button', { name: 'Deactivate' })).toBeVisible();
      await mentee.close();
    }
    await signOut(page, js);
  });

  test('the message log filters, downloads exactly the rows shown, and follows bounces and opens', async ({ page, js }) => {
    const tokenOf = (m: Mail) => /<([^@>]+)@/.exec(m.headers.match(/^Message-ID:.*$/im)![0])![1];
    const resetFor = async (email: string) => {
      const before = mailCount();
      const res = await page.request.post('/api/forgot_password', { form: { email }, headers: { Accept: 'application/json' } });
      expect(res.status()).toBeLessThan(400);
      return waitForMail(email, /^(Reset your|Réinitialisez)/, before);
    };
    const mail = await resetFor('mentor@demo.test');
    const token = tokenOf(mail);

    await signIn(page, js, ADMIN);
    await setLanguage(page, 'en');
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Toronto' });
    const filters = `member=mentor%40demo.test&status=sent&status=delivered&from=${today}&to=${today}`;
    await page.goto(`/admin/messages/log?${filters}`);
    await ready(page, js);
    await expectAccessible(page, js);
    const rows = page.locator('.data-table tbody tr');
    const shown = await rows.count();
    expect(shown).toBeGreaterThan(0);
    for (let i = 0; i < shown; i++) await expect(rows.nth(i)).toContainText('mentor@demo.test');

    const href = await page.getByRole('link', { name: 'Download' }).getAttribute('href');
    const csv = (await (await page.request.get(href!)).text()).replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toBe('Name,Sent to,E-mail address,Sent date,Status,Status date');
    expect(lines.length - 1).toBe(shown);
    for (let i = 0; i < shown; i++) {
      const subject = (await rows.nth(i).locator('td').first().innerText()).trim();
      expect(lines[i + 1].startsWith(subject.includes(',') ? `"${subject}` : subject)).toBeTruthy();
    }

    // A provider reports a bounce (signed), then the other e-mail is opened by a person.
    const body = JSON.stringify({ events: [{ event: 'bounce', message_id: `<${token}@127.0.0.1>`, reason: '550 5.1.1' }] });
    const crypto = await import('node:crypto');
    const signature = 'sha256=' + crypto.createHmac('sha256', 'e2e-webhook-secret').update(body).digest('hex');
    const unsigned = await page.request.post('/webhooks/email', { data: body, headers: { 'Content-Type': 'application/json' } });
    expect(unsigned.status()).toBe(401);
    const hook = await page.request.post('/webhooks/email', {
      data: body,
      headers: { 'Content-Type': 'application/json', 'X-Mentora-Signature': signature },
    });
    expect(await hook.json()).toEqual({ applied: 1, ignored: 0 });
    await page.goto(`/admin/messages/log?member=mentor%40demo.test&status=bounced`);
    await ready(page, js);
    const bounced = page.locator('.data-table tbody tr td.status');
    await expect(bounced.first()).toContainText('Bounced');

    // A person opens another e-mail: its row says "Opened" with the time.
    const other = await resetFor('mentee@demo.test');
    const pixel = await page.request.get(`/e/o/${tokenOf(other)}.gif`, {
      headers: { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130 Safari/537.36' },
    });
    expect(pixel.headers()['content-type']).toBe('image/gif');
    await page.goto('/admin/messages/log?member=mentee%40demo.test&status=opened');
    await ready(page, js);
    await expect(page.locator('.data-table tbody tr').first().locator('td.status')).toContainText('Opened (');
    await signOut(page, js);
  });
});

test.describe('program settings', () => {
  test('an administrator changes the contact address and the lockout threshold', async ({ page, js }) => {
    await signIn(page, js, ADMIN);
    await setLanguage(page, 'en');
    await page.goto('/admin/settings');
    await ready(page, js);
    await expect(page.getByRole('heading', { name: 'Program settings' })).toBeVisible();
    await expectAccessible(page, js);
    await page.getByLabel('Contact e-mail address').fill('not an address');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await ready(page, js);
    // The browser's own check (type=email) or the server's: either way nothing is saved.
    await page.goto('/admin/settings');
    await ready(page, js);
    await expect(page.getByLabel('Contact e-mail address')).toHaveValue('admin@demo.test');
    await page.getByLabel('Failed sign-ins before an account locks').fill('7');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await ready(page, js);
    await expect(page.getByRole('status')).toHaveText("The program's settings were saved.");
    await expect(page.getByLabel('Failed sign-ins before an account locks')).toHaveValue('7');
    await page.getByLabel('Failed sign-ins before an account locks').fill('5');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await ready(page, js);
    await expect(page.getByRole('status')).toBeVisible();
    await signOut(page, js);
  });
});
