// Development check of the self-assessment screen against a running dev or preview server: the
// default cycle, the cycle choice, save draft, resume it after a reload, submit, read-only after.
// Screenshots at 1440 and 375 px go to screenshots/. Writes data as that member.
//   APP_URL=http://127.0.0.1:5173 AS=web-ada@example.com node scripts/self-assessment-check.mjs
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const app = process.env.APP_URL ?? 'http://127.0.0.1:5173';
const who = process.env.AS ?? 'web-ada@example.com';
const check = (ok, what) => { if (!ok) throw new Error(`failed: ${what}`); console.log(`ok: ${what}`); };

await mkdir('screenshots', { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
try {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(`${app}/`);
  await page.request.post(`${app}/auth/dev`, { data: { email: who, roles: ['MEMBER'] } });
  await page.goto(`${app}/self-assessment`);
  await page.getByRole('heading', { level: 1, name: 'Self-assessment' }).waitFor();
  const picker = page.getByLabel('Cycle', { exact: true });
  await picker.waitFor();
  const options = await picker.locator('option').allTextContents();
  console.log(`cycles offered: ${JSON.stringify(options)}`);
  check(options.length >= 2, 'the member can choose among their cycles');
  await page.screenshot({ path: 'screenshots/self-assessment-1440.png', fullPage: true });

  // the other cycle: rate one competency, save the draft, come back and find it
  const other = await picker.locator('option:not(:checked)').first().getAttribute('value');
  await picker.selectOption(other);
  await page.waitForURL(`**/self-assessment?cycle=${other}`);
  const firstLevel = page.getByRole('radio').nth(2);
  await firstLevel.check();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByText('Draft saved. Only you can see it').waitFor();
  await page.reload();
  await page.getByRole('radio').nth(2).waitFor();
  check(await page.getByRole('radio').nth(2).isChecked(), 'a saved draft is resumed after a reload');
  check((await picker.locator('option:checked').textContent()).includes('Draft'), 'the choice shows the draft state');

  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByRole('heading', { name: 'Submitted' }).waitFor();
  check(await page.getByRole('button', { name: 'Save draft' }).count() === 0, 'a submitted self-assessment is read-only');

  const narrow = await (await browser.newContext({ viewport: { width: 375, height: 800 } })).newPage();
  await narrow.goto(`${app}/`);
  await narrow.request.post(`${app}/auth/dev`, { data: { email: who, roles: ['MEMBER'] } });
  await narrow.goto(`${app}/self-assessment`);
  await narrow.getByLabel('Cycle', { exact: true }).waitFor();
  await narrow.waitForLoadState('networkidle');
  const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `nothing wider than 375 px (overflow ${overflow})`);
  await narrow.screenshot({ path: 'screenshots/self-assessment-375.png', fullPage: true });
  await page.screenshot({ path: 'screenshots/self-assessment-submitted-1440.png', fullPage: true });
} finally {
  await browser.close();
}
