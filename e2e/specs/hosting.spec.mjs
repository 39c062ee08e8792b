// What a static host gets: a strict Content-Security-Policy, and a service worker that makes the
// app start without the network and announces (never forces) a new version.
import { test, expect } from '../fixtures.mjs';
import { RolecallApp, STORAGE_KEY } from '../pages/app.mjs';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE, startServer, stopServer } from '../server.mjs';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

test('the page carries a strict Content-Security-Policy that refuses injected script', async ({ app, browser }) => {
  await app.startFromTemplate();
  const csp = await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain("'unsafe-eval'");

  // In a page of its own (the refusal is logged as a console error, which fails the shared page).
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(app.page.url());
  await expect(page.locator('main')).toBeVisible();
  const blocked = await page.evaluate(() => new Promise((resolve) => {
    const seen = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.head.append(s);
    const el = document.createElement('div');
    el.setAttribute('style', 'color: red');
    document.body.append(el);
    const button = document.createElement('button');
    button.setAttribute('onclick', 'window.__handler = true');
    document.body.append(button);
    button.click();
    setTimeout(() => resolve({ injected: window.__injected === true, handler: window.__handler === true, color: getComputedStyle(el).color, seen }), 100);
  }));
  expect(blocked.injected).toBe(false);
  expect(blocked.handler).toBe(false);
  expect(blocked.color).not.toBe('rgb(255, 0, 0)');
  expect(blocked.seen).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src/), expect.stringMatching(/^style-src/)]));
  await context.close();
});

test('after one visit the app starts without the network, and a new version is announced, not forced', async ({ browser }) => {
  const root = mkdtempSync(join(tmpdir(), 'rolecall-host-'));
  cpSync(dist, root, { recursive: true });
  let server = await startServer(root, 0);
  const { port } = server.address();
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(`http://127.0.0.1:${port}${BASE}`);
    const app = new RolecallApp(page);
    await page.getByRole('button', { name: /Start from the service team template/ }).click();
    await app.saved();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 10_000 }).toBe(true);

    // The host goes away: the app still starts, with its data, on every page.
    await stopServer(server);
    await page.reload();
    await expect(page.locator('.rc-header__team')).toHaveText('Customer Service Team');
    await app.goTo('Board');
    await expect(page.locator('.rc-task').first()).toBeVisible();
    // Pages never opened before are there too: their wasm files were cached on the first visit.
    await app.goTo('Insights');
    await app.goTo('Handbook');

    // The host comes back with a new release.
    const sw = join(root, 'sw.js');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const VERSION = '[^']*';/, "const VERSION = 'next-release';"));
    server = await startServer(root, port);
    await page.evaluate(() => { window.__sameDocument = true; });
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const banner = page.getByTestId('update-ready');
    await expect(banner).toContainText('A new version of Rolecall is ready.', { timeout: 10_000 });
    // Announced, not forced: the page in use is the same document, still on the old worker.
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
    expect(await page.evaluate(() => caches.keys())).toContain('rolecall-next-release');

    await Promise.all([
      page.waitForEvent('load', { timeout: 10_000 }),
      banner.getByRole('button', { name: 'Reload to update' }).click(),
    ]);
    expect(await page.evaluate(() => window.__sameDocument)).toBeUndefined();
    await expect(page.locator('.rc-header__team')).toHaveText('Customer Service Team');
    await expect(page.getByTestId('update-ready')).toBeHidden();
    // The old release's cache is gone once the new worker took over.
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual(['rolecall-next-release']);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await stopServer(server).catch(() => {});
    rmSync(root, { recursive: true, force: true });
  }
});

// Runs `steps` with one of the app's wasm files unreachable until `steps` calls `restore`, in a
// context of its own (the failed fetch is logged as a console error, which fails the shared
// page) without a service worker (so that the request reaches the network, and this route).
// Uncaught exceptions still fail the test.
async function withFileUnreachable(browser, file, steps) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.route(`**/${file}`, (route) => route.abort('internetdisconnected'));
    await steps(new RolecallApp(page), () => page.unroute(`**/${file}`));
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}

test('a page whose code cannot be fetched says so, loses nothing, and opens when tried again', async ({ browser }) => {
  await withFileUnreachable(browser, 'split_insights.wasm', async (app, restore) => {
    const { page } = app;
    await app.startFromTemplate();
    await app.saved();
    await app.nav('Insights').click();
    await expect(page.getByRole('alert')).toContainText('This page could not be loaded');
    // The rest of the app works, with the team as it was.
    await app.goTo('Board');
    await expect(page.locator('.rc-task').first()).toBeVisible();
    await expect(page.locator('.rc-header__team')).toHaveText('Customer Service Team');

    await app.nav('Insights').click();
    await expect(page.getByRole('alert')).toContainText('This page could not be loaded');
    await restore();
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible();
    await expect(page.getByRole('alert')).toBeHidden();
  });
});

test('when the template cannot be fetched the welcome screen says so, and trying again starts from it', async ({ browser }) => {
  await withFileUnreachable(browser, 'split_template.wasm', async (app, restore) => {
    const { page } = app;
    await app.open();
    const start = page.getByRole('button', { name: /Start from the service team template/ });
    await start.click();
    await expect(page.getByRole('alert')).toContainText('The template could not be loaded');
    expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBeNull();
    await restore();
    await start.click();
    await expect(app.memberRow('Tom Becker')).toBeVisible();
  });
});

// The reader of old and damaged data (migrations, repairs, files) is fetched only when needed.
test('stored data that needs the reader, when its code cannot be fetched, is left alone and opens when tried again', async ({ browser }) => {
  await withFileUnreachable(browser, 'split_reader.wasm', async (app, restore) => {
    const { page } = app;
    await app.startFromTemplate();
    await app.saved();
    const original = readFileSync(fileURLToPath(new URL('../../tests/fixtures/needs-repair.json', import.meta.url)), 'utf8');
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, original]);
    await page.reload();
    await expect(page.getByRole('alert')).toContainText('This page could not be loaded');
    expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe(original);
    // A file cannot be read either, and says why; nothing changes.
    await app.dropFile('team.json', original);
    await expect(page.getByRole('alert').filter({ hasText: 'could not be loaded; check the connection' })).toBeVisible();
    expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe(original);

    await restore();
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByText('The saved workspace needed repairs')).toBeVisible();
    await expect(app.memberRow('dana (2)')).toBeVisible();
  });
});
