import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:3199';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
async function signIn(email) {
  await page.goto(base + '/login');
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', 'demo-password');
  await page.click('form:has(input[name=password]) button[type=submit]');
  await page.waitForSelector('.topbar');
  await page.waitForSelector('div.app[data-live="true"]');
}
async function freeWeek() {
  await page.goto(base + '/calendar/availability');
  await page.waitForSelector('body[data-hydrated=true]');
  for (const d of ['monday','tuesday','wednesday','thursday','friday']) {
    const row = page.locator(`tr[data-weekday="${d}"]`).first();
    await row.locator('input[name$="[start]"]').fill('09:00');
    await row.locator('input[name$="[end]"]').fill('17:00');
  }
  await page.getByRole('button', { name: 'Save availability' }).click();
  await page.waitForSelector('[role=status]');
}
await signIn('mentee10@demo.test'); await freeWeek();
await page.goto(base + '/'); 
await page.locator('details.user-menu summary').click();
await page.locator('.user-menu form[action="/api/sign_out"] button').click();
await page.waitForSelector('input[name=password]');
await signIn('mentor10@demo.test'); await freeWeek();
await page.goto(base + '/connections');
await page.locator('a[href^="/relationships/"]').first().click();
await page.waitForSelector('#meetings-heading');
const rel = page.url();
await page.goto(rel + '/book?minutes=60&frequency=weekly&occurrences=4');
await page.waitForSelector('body[data-hydrated=true]');
await page.locator('td.day-free a').nth(3).click();
await page.waitForSelector('.slot-form');
await page.screenshot({ path: '/tmp/book-phone.png', fullPage: true });
await page.locator('input[name=slot]').nth(2).check();
await page.getByRole('button', { name: 'Send request' }).click();
await page.waitForURL(/booked=1/);
await page.waitForSelector('li.meeting');
await page.screenshot({ path: '/tmp/tile-phone.png', fullPage: true });
await page.setViewportSize({ width: 1280, height: 900 });
await page.goto(rel + '/book?minutes=30&frequency=weekly&occurrences=8');
await page.waitForSelector('body[data-hydrated=true]');
await page.locator('td.day-free a').nth(1).click();
await page.waitForSelector('.slot-form');
await page.screenshot({ path: '/tmp/book-desktop.png', fullPage: true });
await browser.close();
