// Takes the README's screenshot of the built app (./dev build first): node e2e/screenshot.mjs
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const port = 4174;
const server = spawn(process.execPath, [fileURLToPath(new URL('./serve.mjs', import.meta.url))], { env: { ...process.env, PORT: String(port) } });
await new Promise((r) => server.stdout.once('data', r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 820 }, colorScheme: 'light' });
  await page.goto(`http://127.0.0.1:${port}/rolecall/`);
  await page.getByRole('button', { name: /Start from the service team template/ }).click();
  await page.getByRole('link', { name: 'Responsibilities' }).click();
  await page.getByRole('heading', { level: 1, name: 'Responsibilities' }).waitFor();
  await page.screenshot({ path: fileURLToPath(new URL('../docs/screenshot.png', import.meta.url)) });
  console.log('wrote docs/screenshot.png');
} finally {
  await browser.close();
  server.kill();
}
