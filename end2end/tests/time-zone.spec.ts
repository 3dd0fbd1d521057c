import { test, expect, ready } from './fixtures';

// New accounts start in the browser's time zone; Edit profile offers the device's zone when
// it differs from the saved one. Without JavaScript the zone cannot be read: the program's
// default (America/Toronto) is kept and nothing is offered.
const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

test.describe('time zone', () => {
  test.use({ timezoneId: 'Asia/Tokyo' });

  test('a new account takes the browser zone; another device offers its own', async ({ page, js, browser }) => {
    const email = `e2e-zone-${js ? 'js' : 'nojs'}-${stamp()}@example.test`;
    await page.goto('/join/circle-invitation');
    await ready(page, js);
    await page.getByLabel('First name').fill('Kenji');
    await page.getByLabel('Last name').fill('Sato');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('zone password 123');
    await page.getByLabel('Confirm password').fill('zone password 123');
    await page.getByLabel('Mentee').check();
    await page.getByLabel('English').check();
    await page.getByRole('button', { name: 'Create my account' }).click();
    await expect(page.locator('.topbar')).toBeVisible();
    await ready(page, js);

    await page.goto('/profile');
    await ready(page, js);
    await expect(page.locator('#time_zone')).toHaveValue(js ? 'Asia/Tokyo' : 'America/Toronto');
    // This device is in the saved zone (or cannot tell): nothing to offer.
    await expect(page.getByRole('button', { name: /Use this device's time zone/ })).toHaveCount(0);
    if (!js) return;

    // The same member on a device set to Paris.
    const paris = await browser.newContext({ javaScriptEnabled: true, timezoneId: 'Europe/Paris' });
    try {
      const other = await paris.newPage();
      await other.goto('/profile');
      await ready(other, true);
      await other.locator('input[name="email"]').fill(email);
      await other.locator('input[name="password"]').fill('zone password 123');
      await other.locator('form:has(input[name="password"]) button[type="submit"]').click();
      await expect(other.locator('.topbar')).toBeVisible();
      await ready(other, true);
      await expect(other.locator('#time_zone')).toHaveValue('Asia/Tokyo');
      const offer = other.getByRole('button', { name: "Use this device's time zone (Europe/Paris)" });
      await offer.click();
      await expect(other.locator('#time_zone')).toHaveValue('Europe/Paris');
      await expect(offer).toHaveCount(0);
      await other.locator('section[aria-labelledby="basic-title"]').getByRole('button', { name: 'Save' }).click();
      await ready(other, true);
      await expect(other.getByRole('status')).toContainText('Your profile was saved.');
      await other.reload();
      await ready(other, true);
      await expect(other.locator('#time_zone')).toHaveValue('Europe/Paris');
    } finally {
      await paris.close();
    }
  });
});
