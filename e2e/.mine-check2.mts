import { launchBrowser, openSignedInPage, findSeriousAxeViolations } from '/work/main/e2e/support/browser.ts';
const base = 'http://127.0.0.1:3917';
const browser = await launchBrowser();
const page = await openSignedInPage(browser, base, { email: 'admin@demo.telar.mx', password: process.env.PW! });
for (const [path, button] of [['/actividades/nueva', 'Guardar actividad'], ['/planes/nuevo', 'Crear plan']]) {
  await page.goto(base + path);
  await page.waitForTimeout(1500);
  if (path.includes('actividades')) await page.getByRole('button', { name: 'Agregar fila al desglose' }).click();
  await page.getByRole('button', { name: button }).click();
  await page.waitForTimeout(800);
  console.log(path, (await page.locator('.field__error').allTextContents()).join(' | '));
  const v = await findSeriousAxeViolations(page);
  console.log('axe', v.map((x) => `${x.id} ${x.nodes[0]?.target}`));
  await page.screenshot({ path: `/tmp/shot${path.replaceAll('/', '_')}.png`, fullPage: true });
}
await browser.close();
