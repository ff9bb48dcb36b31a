import { launchBrowser } from '/work/main/tests/e2e/support/browser.ts';
const base = process.argv[2]!;
const ctx = await launchBrowser({ locale: 'fr-FR' });
const page = await ctx.newPage();
const errors: string[] = [];
page.on('console', (m) => {
  if (m.type() === 'error') errors.push(m.text());
});
for (const [name, path] of [
  ['home', '/'],
  ['program', '/p/programme-2027'],
  ['login', '/login'],
  ['signup', '/signup'],
  ['404', '/nope'],
]) {
  await page.goto(base + path);
  await page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: false });
}
const link = page.locator('nav.toc a').nth(2);
await page.goto(base + '/p/programme-2027');
await link.click();
await page.waitForLoadState('networkidle');
await page.screenshot({ path: `/tmp/shot-section.png` });
console.log('errors', errors);
await ctx.cleanup();
