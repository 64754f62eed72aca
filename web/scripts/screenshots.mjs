// Development check: signs in through the dev backend, opens every screen at 1440 and 375 px,
// saves a screenshot of each and runs axe-core on it. Needs `npm run dev` (or `vite preview`) up.
//   APP_URL=http://127.0.0.1:5173 AS=web-ada@example.com npm run screenshots
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const app = process.env.APP_URL ?? 'http://127.0.0.1:5173';
const who = process.env.AS ?? 'web-ada@example.com';
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const screens = [['my-growth', '/'], ['evidence', '/evidence'], ['growth-plan', '/growth-plan'],
  ['self-assessment', '/self-assessment'], ['profile', '/profile']];

await mkdir('screenshots', { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
let serious = 0;
try {
  for (const width of [1440, 375]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && console.log(`  console: ${m.text()}`));
    await page.goto(`${app}/`);
    await page.request.post(`${app}/auth/dev`, { data: { email: who, roles: ['MEMBER'] } });
    for (const [name, path] of [['sign-in', '/signed-out'], ...screens]) {
      await page.goto(`${app}${path}`);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: `screenshots/${name}-${width}.png`, fullPage: true });
      await page.addScriptTag({ content: axeSource }).catch(() => page.evaluate(axeSource));
      const result = await page.evaluate(async () => (await globalThis.axe.run()).violations
        .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0]?.target.join(' ') })));
      const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      serious += bad.length;
      console.log(`${width}px ${path}: ${result.length} axe findings, ${bad.length} serious/critical ${JSON.stringify(result)}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
}
process.exitCode = serious ? 1 : 0;
