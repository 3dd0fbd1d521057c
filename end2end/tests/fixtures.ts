import { test as base, expect, Page, BrowserContext } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const PASSWORD = 'demo-password';
export const ADMIN = 'admin@demo.test';
export const MENTOR = 'mentor@demo.test';
export const MENTEE = 'mentee@demo.test';

type Fixtures = {
  /** Console errors a test expects (e.g. the browser's note about a 401 response). */
  allowConsoleErrors: (pattern: RegExp) => void;
  js: boolean;
};

export const test = base.extend<Fixtures>({
  js: async ({ javaScriptEnabled }, use) => {
    await use(javaScriptEnabled !== false);
  },
  allowConsoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      const allowed: RegExp[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      // Name the resource behind a "Failed to load resource" message.
      page.on('response', (res) => {
        if (res.status() >= 400) errors.push(`(${res.status()} ${new URL(res.url()).pathname})`);
      });
      await use((pattern) => allowed.push(pattern));
      const failed = errors.filter((e) => !e.startsWith('(') && !allowed.some((p) => p.test(e)));
      const unexpected = failed.length ? errors.filter((e) => !allowed.some((p) => p.test(e))) : [];
      expect(unexpected, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Waits until the page is interactive: hydrated when JavaScript runs, loaded otherwise. */
export async function ready(page: Page, js: boolean) {
  await page.waitForLoadState('load');
  if (!js) return;
  await page.locator('body[data-hydrated="true"]').waitFor({ timeout: 15_000 });
  // The signed-in frame (menus, language switch) may hydrate after the body: wait for it too.
  if ((await page.locator('div.app').count()) > 0) {
    await page.locator('div.app[data-live="true"]').waitFor({ timeout: 15_000 });
  }
}

/**
 * The members table is ready to be clicked: with JavaScript, its lazily loaded page has
 * also been taken over by the app (a click before that can be lost while it hydrates).
 */
export async function membersTableReady(page: Page, js: boolean) {
  await ready(page, js);
  if (js) await page.locator('.members-table[data-live="true"]').waitFor({ timeout: 15_000 });
}

/**
 * No serious or critical accessibility violations on the current page. axe-core runs as a
 * script, so for the JavaScript-off run the same URL is scanned as served (same cookies)
 * in a scratch context where scripts may run but the app's own bundle is not loaded.
 */
export async function expectAccessible(page: Page, js: boolean) {
  let target = page;
  let scratch: BrowserContext | undefined;
  if (!js) {
    scratch = await page.context().browser()!.newContext({ javaScriptEnabled: true, viewport: page.viewportSize() });
    await scratch.addCookies(await page.context().cookies());
    await scratch.route(/\/pkg\/.*\.(js|wasm)$/, (route) => route.abort());
    target = await scratch.newPage();
    await target.goto(page.url());
  }
  const results = await new AxeBuilder({ page: target }).analyze();
  await scratch?.close();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(bad, 'axe serious/critical violations').toEqual([]);
}

export async function signIn(page: Page, js: boolean, email: string, path = '/') {
  await page.goto(path);
  await ready(page, js);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
  await expect(page.locator('.topbar')).toBeVisible();
  await ready(page, js);
}

/** Sets the saved language through the same endpoint the menu uses. */
export async function setLanguage(page: Page, lang: 'en' | 'fr') {
  const res = await page.request.post('/api/set_language', {
    form: { lang },
    headers: { Accept: 'application/json' },
  });
  expect(res.ok()).toBeTruthy();
}

/** Opens the user menu (a <details>) unless it is already open. */
export async function openUserMenu(page: Page) {
  const menu = page.locator('details.user-menu');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
}

export async function signOut(page: Page, js: boolean) {
  await openUserMenu(page);
  await page.locator('.user-menu form[action="/api/sign_out"] button').click();
  await expect(page.locator('input[name="password"]')).toBeVisible();
  await ready(page, js);
}

/** Switches the signed-in administrator to another of their programs (English names). */
export async function switchProgram(page: Page, js: boolean, program: string) {
  await page.goto('/programs');
  await ready(page, js);
  await page.locator('li', { hasText: program }).getByRole('button', { name: 'Switch to this program' }).click();
  await expect(page.locator('.topbar-program')).toHaveText(program);
}

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Makes the signed-in member available all week, every day from 00:00 to 23:45. */
export async function freeAllWeek(page: Page, js: boolean, fr: boolean) {
  await page.goto('/calendar/availability');
  await ready(page, js);
  for (const day of DAYS) {
    const row = page.locator(`tr[data-weekday="${day}"]`).first();
    await row.locator('input[name$="[start]"]').fill('00:00');
    await row.locator('input[name$="[end]"]').fill('23:45');
  }
  await page.getByRole('button', { name: fr ? 'Enregistrer les disponibilités' : 'Save availability' }).click();
  await ready(page, js);
  await expect(page.getByRole('status')).toContainText(fr ? 'Vos disponibilités sont enregistrées' : 'Your availability is saved');
}

/** Opens the signed-in member's first relationship page. */
export async function openRelationship(page: Page, js: boolean) {
  await page.goto('/connections');
  await ready(page, js);
  await page.locator('a[href^="/relationships/"]').first().click();
  await ready(page, js);
  await expect(page.locator('#meetings-heading')).toBeVisible();
}

/**
 * Both members of a pair free all week in the test's language; the mentee stays signed in
 * (on their relationship page).
 */
export async function pairFreeAllWeek(page: Page, js: boolean, fr: boolean, mentor: string, mentee: string) {
  for (const who of [mentor, mentee]) {
    if (who === mentee) await signOut(page, js);
    await signIn(page, js, who);
    await setLanguage(page, fr ? 'fr' : 'en');
    await freeAllWeek(page, js, fr);
  }
  await openRelationship(page, js);
}
