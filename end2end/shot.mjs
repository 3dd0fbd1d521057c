import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3200';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
for (const [w, h] of [[390, 844], [1280, 900]]) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  await page.goto(base + '/login');
  await page.locator('input[name="email"]').fill('admin@demo.test');
  await page.locator('input[name="password"]').fill('demo-password');
  await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
  await page.waitForSelector('.topbar');
  for (const [name, path] of [['meetings', '/admin/relationships/meetings?size=25'], ['relationships', '/admin/relationships?tab=matched']]) {
    await page.goto(base + path);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/shots/${name}-${w}.png`, fullPage: w > 400 });
  }
  await page.close();
}
await browser.close();
