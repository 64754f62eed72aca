// Development check of the member's journey against the dev server (writes data as that member):
// a rejected form shows the field's message, evidence is logged and confirmed, a check-in written,
// a self-assessment draft saved. Finds everything by role and label, as the e2e test will.
import { chromium } from 'playwright-core';

const app = process.env.APP_URL ?? 'http://127.0.0.1:5173';
const who = process.env.AS ?? 'web-ada@example.com';
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
const page = await browser.newPage();
const step = (name) => console.log(`ok: ${name}`);
try {
  await page.goto(`${app}/`);
  await page.request.post(`${app}/auth/dev`, { data: { email: who, roles: ['MEMBER'] } });
  await page.goto(`${app}/`);
  await page.getByRole('heading', { level: 1, name: 'My growth' }).waitFor();
  const readiness = await page.getByLabel('Readiness').textContent();
  if (!/\d+%/.test(readiness ?? '')) throw new Error(`readiness: ${readiness}`);
  step(`readiness ${readiness}`);

  await page.getByRole('navigation').getByRole('link', { name: 'Evidence' }).click();
  await page.getByRole('heading', { level: 1, name: 'Evidence' }).waitFor();
  await page.getByRole('button', { name: 'Log evidence' }).click();
  await page.locator('.field-error').first().waitFor();
  const errors = await page.locator('.field-error').allTextContents();
  step(`empty form rejected beside its fields: ${errors.join(' | ')}`);
  if (!(await page.getByLabel('Title').getAttribute('aria-invalid'))) throw new Error('title not marked invalid');

  const title = `Ran a pricing experiment ${Date.now()}`;
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Execution and delivery').check();
  await page.getByRole('button', { name: 'Log evidence' }).click();
  await page.getByRole('heading', { level: 3, name: title }).waitFor();
  step('evidence logged and listed');

  await page.getByLabel('Status').selectOption('SUGGESTED');
  await page.waitForURL(/status=SUGGESTED/);
  const suggested = page.getByRole('article').filter({ has: page.getByRole('button', { name: 'Confirm' }) }).first();
  if (await suggested.count()) {
    const name = await suggested.getByRole('heading').textContent();
    await suggested.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('heading', { level: 3, name: name ?? '' }).waitFor({ state: 'detached' });
    step(`confirmed "${name}"`);
  } else step('no suggested item to confirm');
  await page.getByLabel('Status').selectOption('CONFIRMED');
  const first = page.getByRole('article').first();
  await first.getByText('History').click();
  await first.getByRole('listitem').filter({ hasText: 'by' }).first().waitFor();
  step(`history: ${await first.locator('.timeline').textContent()}`);

  await page.getByRole('link', { name: 'Growth plan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Growth plan' }).waitFor();
  await page.getByRole('button', { name: 'Add check-in' }).click();
  await page.locator('.field-error, .notice-error').first().waitFor();
  step(`empty check-in rejected: ${await page.locator('.field-error, .notice-error').first().textContent()}`);
  await page.getByLabel('Note').fill('Talked through the discovery plan with Grace.');
  await page.getByRole('button', { name: 'Add check-in' }).click();
  await page.getByText('Check-in saved.').waitFor();
  const bars = await page.getByRole('progressbar').count();
  step(`check-in written; ${bars} progress bars`);

  await page.getByRole('link', { name: 'Self-assessment' }).click();
  await page.getByRole('heading', { level: 1, name: 'Self-assessment' }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Loading' }).waitFor({ state: 'detached' });
  const save = page.getByRole('button', { name: 'Save draft' });
  if (await save.count()) {
    await page.getByRole('group', { name: 'Execution and delivery' }).getByLabel(/Level 3/).check();
    await save.click();
    await page.getByText('Draft saved.').waitFor();
    step('self-assessment draft saved');
  } else step(`self-assessment: ${await page.locator('main').textContent()}`);
} finally {
  await page.screenshot({ path: 'screenshots/flow-end.png', fullPage: true });
  await browser.close();
}
