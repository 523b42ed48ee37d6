import { launchBrowser, openSignedInPage, findSeriousAxeViolations } from '/work/main/e2e/support/browser.ts';
const base = 'http://127.0.0.1:3917';
const browser = await launchBrowser();
const page = await openSignedInPage(browser, base, { email: 'admin@demo.telar.mx', password: process.env.PW! });
const errors: string[] = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
for (const path of (process.argv[2] ?? '/planes/nuevo,/actividades/nueva,/planes,/actividades,/pendientes').split(',')) {
  await page.goto(base + path);
  await page.waitForTimeout(2500);
  const h1 = await page.locator('h1').allTextContents();
  const alerts = await page.locator('[role=alert]').allTextContents();
  const v = await findSeriousAxeViolations(page);
  console.log(path, '| h1:', h1.join(' / '), '| alerts:', alerts.join(' / ').slice(0, 200), '| axe:', v.map((x) => `${x.id}(${x.nodes.length}) ${x.nodes[0]?.target}`).join('; '));
  if (process.env.SHOT) await page.screenshot({ path: `/tmp/shot${path.replaceAll('/', '_')}.png`, fullPage: true });
}
console.log('errors', errors.slice(0, 10));
await browser.close();
