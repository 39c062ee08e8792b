import { test, expect } from '../fixtures.mjs';
import { RolecallApp } from '../pages/app.mjs';

// Opens `url` in a browser of its own (fresh storage), failing on any console error.
async function openElsewhere(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { context, page, errors };
}

test('a share link carries the workspace: another browser previews it and imports it', async ({ app, page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.startFromTemplate();
  await app.goTo('Workspace');
  await page.getByLabel('Team name').fill('Night shift desk');
  await page.getByRole('button', { name: 'Create share link' }).click();
  const field = page.getByRole('textbox', { name: 'Share link' });
  const link = await field.inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/rolecall\/#share=1\.[A-Za-z0-9_-]+$/);
  expect(link.length).toBeLessThanOrEqual(16384);
  await expect(page.getByText(`${link.length} characters; links may have up to 16384.`)).toBeVisible();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied to the clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  // A change withdraws the link: it would no longer show the workspace as it is.
  await page.getByLabel('Team name').fill('Night shift desk 2');
  await expect(field).toBeHidden();

  const there = await openElsewhere(browser, link);
  const dialog = there.page.getByRole('dialog', { name: 'Import “shared link”?' });
  await expect(dialog.getByTestId('import-summary')).toContainText('It holds the workspace “Night shift desk”');
  // The data leaves the address bar at once: a reload does not offer it again.
  expect(there.page.url()).not.toContain('share=');
  await dialog.getByRole('button', { name: 'Replace workspace' }).click();
  await expect(there.page.locator('.rc-header__team')).toHaveText('Night shift desk');
  const thereApp = new RolecallApp(there.page);
  await thereApp.saved();
  const mine = await app.storedWorkspace();
  const theirs = await thereApp.storedWorkspace();
  // The open board travels without its history of moves (and without the level log).
  const asLinked = { ...mine, skill_history: [], board: { ...mine.board, tasks: mine.board.tasks.filter((t) => !t.archived).map((t) => ({ ...t, history: [] })) } };
  expect({ ...theirs, name: 'Night shift desk 2' }).toEqual(asLinked);
  await there.page.reload();
  await expect(there.page.locator('.rc-header__team')).toHaveText('Night shift desk');
  await expect(there.page.getByRole('dialog')).toBeHidden();
  expect(there.errors).toEqual([]);
  await there.context.close();
});

test('a damaged or newer share link is refused with the reason, and nothing changes', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.saved();
  const before = await app.stored();
  // Pasted into the tab that is already open: only the fragment changes.
  await page.evaluate(() => { location.hash = '#share=1.H4sIAAAAAAAAA-cut'; });
  await expect(page.getByRole('alert')).toContainText(
    '“shared link” was not imported: the link is incomplete or damaged; ask for it again, or for an exported file. Nothing was changed.');
  await page.evaluate(() => { location.hash = '#share=7.Zm9vYmFy'; });
  await expect(page.getByRole('alert')).toContainText('the link was made by a newer Rolecall (link format 7)');
  expect(page.url()).not.toContain('share=');
  await expect(page.getByRole('dialog')).toBeHidden();
  expect(await app.stored()).toBe(before);
});

test('a link that holds a file that is not Rolecall is refused like the file would be', async ({ app, page, browser }) => {
  await app.startFromTemplate();
  // A well-formed link whose content is not a Rolecall file.
  const link = await page.evaluate(async () => {
    const stream = new Blob(['{"hello":"world"}']).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    const b64 = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    return `${location.href.split('#')[0]}#share=1.${b64}`;
  });
  const there = await openElsewhere(browser, link);
  await expect(there.page.getByRole('alert')).toContainText('“shared link” was not imported: the file is JSON, but not a Rolecall file');
  // A first visit stays a first visit: nothing was stored.
  await expect(there.page.getByRole('button', { name: /Start from the service team template/ })).toBeVisible();
  expect(await there.page.evaluate(() => localStorage.length)).toBe(0);
  expect(there.errors).toEqual([]);
  await there.context.close();
});

test('a workspace too large for a link is pointed to the file export', async ({ app, page }) => {
  await app.startFromTemplate();
  await app.goTo('Workspace');
  // Text that does not compress (random letters), within what each field may hold: the purpose
  // and two people's notes.
  const noise = () => page.evaluate(() => Array.from(crypto.getRandomValues(new Uint8Array(9900)), (b) => String.fromCharCode(65 + (b % 58))).join(''));
  await page.getByLabel('Purpose').fill(await noise());
  for (const name of ['Chen Wei', 'Aisha Khan']) {
    await app.goTo('Team');
    await app.memberRow(name).getByRole('button', { name: /^Edit/ }).click();
    await page.getByLabel('Notes').fill(await noise());
    await page.getByRole('button', { name: 'Save' }).click();
  }
  await app.goTo('Workspace');
  await page.getByRole('button', { name: 'Create share link' }).click();
  const warning = page.getByRole('status').filter({ hasText: 'too large for a link' });
  await expect(warning).toContainText(/This workspace is too large for a link \(\d+ characters; links are cut past 16384\)/);
  await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveCount(0);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    warning.getByRole('button', { name: 'Export to file' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^rolecall-.*\.json$/);
});

test('a team of six with 90 open tasks shares its board in one link, and the team model in a shorter one', async ({ app, page, browser }) => {
  await app.startFromTemplate();
  await app.saved();
  // Grow the template's board to 90 open tasks with descriptions, as a real team's would be.
  await page.evaluate(() => {
    const env = JSON.parse(localStorage.getItem('rolecall.hot'));
    // Stored whole (without the layout of hot and cold rows): read back as any whole save is.
    delete env.layout;
    const ws = env.workspace;
    ws.members = ws.members.slice(0, 6);
    const ids = new Set(ws.members.map((m) => m.id));
    const base = ws.board.tasks.map((t) => ({ ...t, assignees: t.assignees.filter((a) => ids.has(a)) }));
    ws.board.tasks = Array.from({ length: 90 }, (_, i) => ({
      ...base[i % base.length], id: `tsk_team_${i}`, title: `${base[i % base.length].title} (${i + 1})`,
      description: `Customer ${1000 + i} called about order ${48000 + i * 7}; follow up by phone.`, archived: false,
    }));
    env.revision = (env.revision || 0) + 1;
    localStorage.setItem('rolecall.hot', JSON.stringify(env));
  });
  await page.reload();
  await app.goTo('Workspace');
  await page.getByRole('radio', { name: /open board/ }).check();
  await page.getByRole('button', { name: 'Create share link' }).click();
  const board = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(board.length).toBeGreaterThan(8192);
  expect(board.length).toBeLessThanOrEqual(16384);
  await page.getByRole('radio', { name: 'The team model and the chart only' }).check();
  await page.getByRole('button', { name: 'Create share link' }).click();
  const team = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(team.length).toBeLessThan(board.length * 0.7);
  // The board's link opens, elsewhere, with its 90 tasks.
  const context = await browser.newContext();
  const there = await context.newPage();
  await there.goto(board);
  await expect(there.getByTestId('import-summary')).toContainText('6 members');
  await there.getByRole('button', { name: 'Replace workspace' }).click();
  await expect.poll(() => there.evaluate(() => JSON.parse(localStorage.getItem('rolecall.hot') || '{}').workspace?.board.tasks.length)).toBe(90);
  await context.close();
});
