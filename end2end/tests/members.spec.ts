import { test, expect, ready, membersTableReady, expectAccessible, signIn, signOut, setLanguage, ADMIN, PASSWORD, switchProgram } from './fixtures';

// The two projects share one server: names are unique per run and project.
const stamp = () => `${Date.now() % 1e7}${Math.floor(Math.random() * 1e3)}`;

const live = membersTableReady;

const count = async (page) => {
  const text = await page.locator('.result-count').innerText();
  return Number(/(\d+)/.exec(text)![1]);
};

test.describe('members table', () => {
  test('search narrows as you type, filters combine, a saved filter comes back from "Recent searches", the URL round-trips', async ({ page, js }) => {
    const tag = `${js ? 'H' : 'N'}${stamp()}`;
    await signIn(page, js, ADMIN);
    await setLanguage(page, 'en');
    await page.goto('/admin/members');
    await live(page, js);
    await expect(page.getByRole('columnheader', { name: 'Member admin' })).toBeVisible();
    const everyone = await count(page);
    expect(everyone).toBeGreaterThan(50);
    await expectAccessible(page, js);

    const search = page.getByLabel('First name, last name or e-mail');
    if (js) {
      // Each pause sends one request; a slow answer for an earlier prefix must never
      // overwrite the newer one.
      await page.route('**/api/admin_members', async (route) => {
        if (route.request().postData() === 'query=q%3Dmen') await new Promise((r) => setTimeout(r, 1500));
        await route.continue();
      });
      let previous = everyone;
      for (const prefix of ['m', 'me', 'men', 'ment', 'mente', 'mentee', 'mentee@']) {
        await search.press(prefix.slice(-1));
        await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(prefix)}(&|$)`));
        await expect(page.getByRole('row').nth(1)).toBeVisible();
        const now = await count(page);
        expect(now).toBeLessThanOrEqual(previous);
        previous = now;
      }
      // The delayed "men" answer has arrived by now; the rows are still those for "mentee@".
      await page.waitForTimeout(1800);
      await expect(page).toHaveURL(/q=mentee%40/);
      const rows = page.locator('.members-table tbody tr');
      const shown = await rows.count();
      expect(shown).toBeLessThan(previous + 1);
      for (let i = 0; i < shown; i++) await expect(rows.nth(i)).toContainText(/mentee\d*@demo\.test/);
      await page.unroute('**/api/admin_members');
      // No reload happened: still the same document.
      expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    } else {
      await search.fill('mentee@');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await expect(page).toHaveURL(/q=mentee%40/);
      expect(await count(page)).toBeLessThan(everyone);
    }
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/\/admin\/members$/);
    await ready(page, js);
    await expect(search).toHaveValue('');
    await expect.poll(() => count(page)).toBe(everyone);

    // Role + custom field and option + completeness below (the administrator guide's
    // example: mentors who like baseball).
    await page.getByLabel('Select a role').selectOption({ label: 'Mentor' });
    await page.getByLabel('Custom field').selectOption({ label: 'Favourite sport' });
    await page.getByLabel('Options').selectOption({ label: 'Baseball' });
    await page.getByText('Advanced filter').click();
    await page.getByLabel('Profile completeness below (%)').fill('100');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page).toHaveURL(/role=mentor&field=\d+&option=\d+&below=100$/);
    await ready(page, js);
    await expect.poll(() => count(page)).toBeLessThan(everyone);
    const narrowed = await count(page);
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(everyone);
    const roles = page.locator('.members-table tbody tr td:nth-child(8)');
    for (const role of await roles.allInnerTexts()) expect(role).toBe('Mentor');
    await expect(page.locator('.members-table tbody')).toContainText('mentor@demo.test');
    const filtered = page.url();

    // Save it, reload, clear, and take it back from "Recent searches".
    await page.getByText('Save search filter', { exact: true }).click();
    await page.getByLabel('Name', { exact: true }).fill(`Baseball mentors ${tag}`);
    await page.getByRole('button', { name: 'Save filter' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The search filter was saved' })).toBeVisible();
    await page.reload();
    await ready(page, js);
    // Without JavaScript the post came back with its notice in the URL.
    expect(page.url().replace('&filter_saved=1', '')).toBe(filtered);
    await expect.poll(() => count(page)).toBe(narrowed);
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await ready(page, js);
    await expect.poll(() => count(page)).toBe(everyone);
    const recent = page.getByRole('navigation', { name: 'Recent searches:' });
    await recent.getByRole('link', { name: `Baseball mentors ${tag}` }).click();
    await ready(page, js);
    expect(page.url()).toBe(filtered);
    await expect.poll(() => count(page)).toBe(narrowed);
    await expect(page.getByLabel('Select a role')).toHaveValue('mentor');
    await expect(page.getByLabel('Profile completeness below (%)')).toHaveValue('100');
    await expectAccessible(page, js);
    if (js) {
      // Back returns to the cleared table, forward to the filters.
      await page.goBack();
      await expect(page).toHaveURL(/\/admin\/members$/);
      await page.goForward();
      await expect(page).toHaveURL(filtered);
    }
    await recent.getByRole('button', { name: `Delete the saved filter Baseball mentors ${tag}` }).click();
    await ready(page, js);
    await expect(recent.getByRole('link', { name: `Baseball mentors ${tag}` })).toHaveCount(0);
    await signOut(page, js);
  });

  test('the Active switch signs the member out at once, and Undo gives access back', async ({ page, js, browser }) => {
    const who = js ? 'mentor03@demo.test' : 'mentor02@demo.test';
    const member = await browser.newContext({ javaScriptEnabled: js });
    const memberPage = await member.newPage();
    try {
      await signIn(memberPage, js, who);
      await signIn(page, js, ADMIN);
      await setLanguage(page, 'en');
      await page.goto(`/admin/members?q=${encodeURIComponent(who)}`);
      await live(page, js);
      const row = page.getByRole('row').filter({ hasText: who });
      const name = (await row.getByRole('rowheader').innerText()).trim();
      const active = row.getByRole('switch', { name: `Active: ${name}` });
      await expect(active).toHaveAttribute('aria-checked', 'true');
      await active.click();
      if (js) {
        await expect(page.getByRole('status').filter({ hasText: `${name} was deactivated and signed out.` })).toBeVisible();
      } else {
        await expect(page.getByRole('status').filter({ hasText: 'The member was deactivated and signed out.' })).toBeVisible();
      }
      await expect(page.getByRole('row').filter({ hasText: who }).getByRole('switch')).toHaveAttribute('aria-checked', 'false');
      await expectAccessible(page, js);

      // Their session ended.
      await memberPage.reload();
      await expect(memberPage.locator('input[name="password"]')).toBeVisible();

      // Undo: access is back and they can sign in again.
      await page.getByRole('button', { name: 'Undo' }).click();
      await ready(page, js);
      if (js) {
        await expect(page.getByRole('status').filter({ hasText: `${name} was reactivated.` })).toBeVisible();
      } else {
        await expect(page.getByRole('status').filter({ hasText: 'The member was reactivated.' })).toBeVisible();
      }
      await expect(page.getByRole('row').filter({ hasText: who }).getByRole('switch')).toHaveAttribute('aria-checked', 'true');
      await ready(memberPage, js);
      await memberPage.locator('input[name="email"]').fill(who);
      await memberPage.locator('input[name="password"]').fill(PASSWORD);
      await memberPage.locator('form:has(input[name="password"]) button[type="submit"]').click();
      await expect(memberPage.locator('.topbar')).toBeVisible();
    } finally {
      await member.close();
    }
    await signOut(page, js);
  });

  test('the search finds a name whatever its case and accents, typed with or without them', async ({ page, js }) => {
    const tag = `${js ? 'h' : 'n'}${stamp()}`;
    const people = [['Mesut', 'Özil'], ['ÉLODIE', 'Brûlé'], ['Hélène', 'Lagacé'], ['Ærø', 'Hansen'], ['İpek', 'Yılmaz'], ['Jürgen', 'Straße']];
    const csv = 'first_name,last_name,email,role,language\n' +
      people.map(([first, last], i) => `${first},${last},fold${i}-${tag}@example.test,mentee,en\n`).join('');
    await signIn(page, js, ADMIN);
    await setLanguage(page, 'en');
    // In the second program, so the demo program keeps its documented counts.
    await switchProgram(page, js, 'Leadership Circle');
    await page.goto('/admin/members/import');
    await ready(page, js);
    await page.getByLabel('File to import').setInputFiles({ name: 'names.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await ready(page, js);
    await expect(page.locator('.import-run')).toHaveAttribute('data-status', 'done', { timeout: 15_000 });

    await page.goto('/admin/members');
    await live(page, js);
    const search = page.getByLabel('First name, last name or e-mail');
    const rows = page.locator('.members-table tbody tr');
    for (const [typed, found] of [
      ['Özil', 'Özil'], ['ozil', 'Özil'], ['ÉLODIE', 'Brûlé'], ['elodie', 'Brûlé'], ['brule', 'Brûlé'],
      ['Brûlé', 'Brûlé'], ['helene', 'Lagacé'], ['aero', 'Hansen'], ['ipek', 'Yılmaz'], ['strasse', 'Straße'],
    ]) {
      await search.fill(`${typed} ${tag}`);
      if (!js) {
        await page.getByRole('button', { name: 'Search', exact: true }).click();
        await ready(page, js);
      }
      await expect(rows.first()).toContainText(found);
      await expect(rows).toHaveCount(1);
    }
    await expectAccessible(page, js);
    await signOut(page, js);
  });

  test('in French, the table, the program lists and the custom field read in French', async ({ page, js }) => {
    await signIn(page, js, ADMIN);
    await setLanguage(page, 'fr');
    await page.goto('/admin/members');
    await live(page, js);
    await expect(page.getByRole('heading', { name: 'Membres' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Administrateur des membres' })).toBeVisible();
    await expect(page.locator('.result-count')).toHaveText(/^Affichage de \d+ membres$/);
    await expect(page.getByLabel('Champ personnalisé')).toContainText('Sport préféré');
    await expect(page.getByLabel('Options', { exact: true })).toContainText('Natation');
    await page.locator('summary', { hasText: 'Filtre avancé' }).click();
    await expect(page.getByLabel('Secteurs')).toContainText('Services financiers');
    await expect(page.getByLabel('Activité récente')).toContainText('Connecté au cours des 30 derniers jours');
    await expectAccessible(page, js);
    await setLanguage(page, 'en');
    await signOut(page, js);
  });

  test('columns can be chosen and stay chosen; the table scrolls sideways on a phone with the name in view', async ({ page, js }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await signIn(page, js, ADMIN);
    await setLanguage(page, 'en');
    await page.goto('/admin/members');
    await live(page, js);
    await page.locator('summary', { hasText: 'Columns' }).click();
    await page.getByLabel('Mentoring hours', { exact: true }).uncheck();
    await page.getByRole('button', { name: 'Show these columns' }).click();
    await ready(page, js);
    await expect(page.getByRole('columnheader', { name: 'Mentoring hours' })).toHaveCount(0);
    await page.reload();
    await ready(page, js);
    await expect(page.getByRole('columnheader', { name: 'Mentoring hours' })).toHaveCount(0);
    await expect(page.getByRole('columnheader', { name: 'Active' })).toBeVisible();

    // On a phone the table scrolls inside its box, and the name column stays put.
    const scroller = page.locator('.table-scroll');
    const firstName = page.locator('.members-table tbody tr').first().getByRole('rowheader');
    const before = await firstName.boundingBox();
    await scroller.evaluate((el) => { el.scrollLeft = 600; });
    expect(await scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    const after = await firstName.boundingBox();
    expect(Math.abs(after!.x - before!.x)).toBeLessThan(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, js);

    // Put the column back for the other tests.
    await page.locator('summary', { hasText: 'Columns' }).click();
    await page.getByLabel('Mentoring hours', { exact: true }).check();
    await page.getByRole('button', { name: 'Show these columns' }).click();
    await ready(page, js);
    await expect(page.getByRole('columnheader', { name: 'Mentoring hours' })).toBeVisible();
    await signOut(page, js);
  });
});
