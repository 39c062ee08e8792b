// Team sync: two browser profiles on one room of the real sync server (started with
// `./dev sync-server`), live, offline, with the server killed and back, and refused.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '../fixtures.mjs';
import { RolecallApp, readStoredWhole } from '../pages/app.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TOKEN = 'team-secret';

const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

/** The real sync server, through the README's command. */
class SyncServer {
  static async start(port, data) {
    const server = new SyncServer();
    server.port = port;
    server.data = data;
    await server.up();
    return server;
  }

  get url() { return `ws://127.0.0.1:${this.port}`; }

  async up() {
    this.proc = spawn(path.join(ROOT, 'dev'), ['sync-server'], {
      env: { ...process.env, PORT: String(this.port), ROLECALL_SYNC_DATA: this.data, ROLECALL_SYNC_TOKENS: `*=${TOKEN}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the sync server did not start: ${out}`)), 60_000);
      const read = (b) => { out += b; if (out.includes('Rolecall sync server on')) { clearTimeout(timer); resolve(); } };
      this.proc.stdout.on('data', read);
      this.proc.stderr.on('data', (b) => { out += b; });
      this.proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`the sync server exited (${code}): ${out}`)); });
    });
  }

  async down() {
    if (!this.proc || this.proc.exitCode !== null) return;
    const gone = new Promise((resolve) => this.proc.once('exit', resolve));
    this.proc.kill('SIGKILL');
    await gone;
  }
}

// Each test gets its own server, data folder and room, and a second browser profile. A socket
// to a server that is down makes the browser itself log a network error (as for any page on
// any Yjs provider); the app logs nothing, and nothing else may appear.
const BROWSER_NET = /^error: WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/[^']*' failed: /;
const test = base.extend({
  server: async ({}, use) => {
    const data = await mkdtemp(path.join(os.tmpdir(), 'rolecall-sync-'));
    const server = await SyncServer.start(await freePort(), data);
    await use(server);
    await server.down();
    await rm(data, { recursive: true, force: true });
  },
  room: async ({}, use, info) => { await use(`room-${info.workerIndex}-${Date.now()}`); },
  other: async ({ browser, baseURL }, use) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(e.message));
    await use(new RolecallApp(page));
    await context.close();
    // A refused socket logs a network error by design of the browser; nothing else may.
    expect(errors.filter((e) => !BROWSER_NET.test(e)), 'console errors in the other profile').toEqual([]);
  },
});

test.use({ consoleAllowed: [BROWSER_NET] });

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const status = (page) => page.getByTestId('sync-status');
const teamName = (page) => page.getByLabel('Team name');
const purpose = (page) => page.getByLabel('Purpose');

/** Opens the Workspace page and connects to `room`. */
async function connect(app, server, room, { name = 'Ann', token = TOKEN } = {}) {
  const { page } = app;
  await app.goTo('Workspace');
  await page.getByLabel('Server address').fill(server.url);
  await page.getByLabel('Room').fill(room);
  await page.getByLabel('Access token').fill(token);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Connect' }).click();
}

async function connected(page) {
  await expect(status(page)).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
}

/** Ann publishes the template to an empty room; Bea, in another profile with nothing yet, joins. */
async function twoInRoom(app, other, server, room) {
  await app.startFromTemplate();
  await connect(app, server, room, { name: 'Ann' });
  await connected(app.page);
  await other.startEmpty();
  await connect(other, server, room, { name: 'Bea' });
  await connected(other.page);
  await expect(teamName(other.page)).toHaveValue(await teamName(app.page).inputValue());
}

test('a change in one profile shows in the other, and each sees who else is here', async ({ app, page, other, server, room }) => {
  await twoInRoom(app, other, server, room);
  await expect(page.getByTestId('sync-peers')).toHaveText('Also here: Bea');
  await expect(other.page.getByTestId('sync-peers')).toHaveText('Also here: Ann');
  await teamName(page).fill('Night shift');
  await expect(teamName(other.page)).toHaveValue('Night shift');
  await purpose(other.page).fill('Answer every customer within the hour');
  await expect(purpose(page)).toHaveValue('Answer every customer within the hour');
  // A card moved on one board moves on the other.
  await app.goTo('Board');
  await other.goTo('Board');
  const title = await page.locator('.rc-board__cell[data-column="col_backlog"] .rc-task__title').first().textContent();
  await page.getByRole('button', { name: new RegExp(`^${esc(title)}\\.`) }).focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator('.rc-board__cell[data-column="col_todo"]')).toContainText(title);
  await expect(other.page.locator('.rc-board__cell[data-column="col_todo"]')).toContainText(title);
  // Both keep it after a reload.
  await other.page.reload();
  await expect(other.page.locator('.rc-board__cell[data-column="col_todo"]')).toContainText(title);
});

test('edits made offline are kept, merge on reconnect, and survive a reload', async ({ app, page, other, server, room }) => {
  await twoInRoom(app, other, server, room);
  await other.page.context().setOffline(true);
  await expect(status(other.page)).toHaveAttribute('data-state', 'offline');
  await teamName(page).fill('Day shift');
  await purpose(other.page).fill('Written offline');
  await expect(status(other.page)).toContainText('Your changes are kept in this browser');
  await expect(teamName(other.page)).not.toHaveValue('Day shift');
  await other.page.context().setOffline(false);
  await connected(other.page);
  await expect(teamName(other.page)).toHaveValue('Day shift');
  await expect(purpose(page)).toHaveValue('Written offline');
  for (const p of [page, other.page]) {
    await p.reload();
    await connected(p);
    await expect(teamName(p)).toHaveValue('Day shift');
    await expect(purpose(p)).toHaveValue('Written offline');
  }
});

test('two people change the same field at once and both end on the same value', async ({ app, page, other, server, room }) => {
  await twoInRoom(app, other, server, room);
  await other.page.context().setOffline(true);
  await expect(status(other.page)).toHaveAttribute('data-state', 'offline');
  await teamName(page).fill('Alpha');
  await teamName(other.page).fill('Beta');
  await other.page.context().setOffline(false);
  await connected(other.page);
  await expect(async () => {
    const [a, b] = [await teamName(page).inputValue(), await teamName(other.page).inputValue()];
    expect(['Alpha', 'Beta']).toContain(a);
    expect(b).toBe(a);
  }).toPass({ timeout: 10_000 });
});

test('undo takes back only your own change, never a colleague\'s', async ({ app, page, other, server, room }) => {
  await twoInRoom(app, other, server, room);
  await teamName(page).fill('Ann was here');
  await expect(teamName(other.page)).toHaveValue('Ann was here');
  await purpose(other.page).fill('Bea was here');
  await expect(purpose(page)).toHaveValue('Bea was here');
  // Ann undoes: her name change goes, Bea's purpose stays, on both sides.
  const before = 'Ann was here';
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(teamName(page)).not.toHaveValue(before);
  await expect(teamName(other.page)).toHaveValue(await teamName(page).inputValue());
  await expect(purpose(page)).toHaveValue('Bea was here');
  await expect(purpose(other.page)).toHaveValue('Bea was here');
  // Ann changes the name again, Bea changes it after her: Ann's undo leaves Bea's name alone.
  await teamName(page).fill('Ann again');
  await expect(teamName(other.page)).toHaveValue('Ann again');
  await teamName(other.page).fill('Bea\'s name');
  await expect(teamName(page)).toHaveValue('Bea\'s name');
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(teamName(page)).toHaveValue('Bea\'s name');
  await expect(teamName(other.page)).toHaveValue('Bea\'s name');
});

test('a wrong access token is refused with a clear message', async ({ app, page, server, room }) => {
  await app.startFromTemplate();
  await connect(app, server, room, { token: 'not-the-token' });
  await expect(status(page)).toHaveAttribute('data-state', 'refused');
  await expect(status(page)).toHaveText('The server refused the access token. Check the token and connect again.');
  // Nothing was lost, and the form can be corrected.
  await expect(page.getByRole('button', { name: 'Connect' })).toBeEnabled();
  await expect(teamName(page)).not.toHaveValue('');
});

test('with the server killed, edits wait (through a reload) and catch up when it is back', async ({ app, page, other, server, room }) => {
  await twoInRoom(app, other, server, room);
  await server.down();
  await expect(status(page)).toHaveAttribute('data-state', 'offline');
  await teamName(page).fill('Kept while the server was down');
  await expect(status(page)).toContainText('Your changes are kept in this browser');
  await page.reload();
  await expect(teamName(page)).toHaveValue('Kept while the server was down');
  await expect(status(page)).toHaveAttribute('data-state', 'offline');
  await server.up();
  await connected(page);
  await connected(other.page);
  await expect(teamName(other.page)).toHaveValue('Kept while the server was down');
});

test('joining a room that holds another workspace asks, and "use the team\'s" can be undone', async ({ app, page, other, server, room }) => {
  await app.startFromTemplate();
  await app.goTo('Workspace');
  await teamName(page).fill('The team');
  await connect(app, server, room, { name: 'Ann' });
  await connected(page);
  // Bea has a workspace of her own.
  await other.startFromTemplate();
  await other.goTo('Workspace');
  await teamName(other.page).fill('Bea alone');
  await connect(other, server, room, { name: 'Bea' });
  await expect(status(other.page)).toHaveAttribute('data-state', 'choosing');
  await expect(teamName(other.page)).toHaveValue('Bea alone');
  await other.page.getByRole('button', { name: 'Use the team\'s workspace' }).click();
  await connected(other.page);
  await expect(teamName(other.page)).toHaveValue('The team');
  // Putting hers back leaves the room, and the team's workspace is untouched.
  await other.page.getByRole('button', { name: 'Put mine back (leaves the room)' }).click();
  await expect(teamName(other.page)).toHaveValue('Bea alone');
  await expect(status(other.page)).toHaveAttribute('data-state', 'off');
  await page.waitForTimeout(500);
  await expect(teamName(page)).toHaveValue('The team');
  // Connecting again asks again: her own workspace is not written over the team's.
  await other.page.getByRole('button', { name: 'Connect' }).click();
  await expect(status(other.page)).toHaveAttribute('data-state', 'choosing');
  await page.waitForTimeout(500);
  await expect(teamName(page)).toHaveValue('The team');
  await expect(teamName(other.page)).toHaveValue('Bea alone');
});

test('joining with "merge" adds what only this browser had to the team\'s workspace', async ({ app, page, other, server, room }) => {
  await app.startFromTemplate();
  await connect(app, server, room, { name: 'Ann' });
  await connected(page);
  await other.startEmpty();
  await other.page.getByRole('button', { name: 'Add member' }).click();
  const editor = other.page.getByRole('region', { name: 'New member' });
  await editor.getByLabel('Name', { exact: true }).fill('Carol Newhire');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await connect(other, server, room, { name: 'Bea' });
  await expect(status(other.page)).toHaveAttribute('data-state', 'choosing');
  await other.page.getByRole('button', { name: 'Merge the two' }).click();
  await connected(other.page);
  await app.goTo('Team');
  await expect(app.memberRow('Carol Newhire')).toBeVisible();
  await other.goTo('Team');
  await expect(other.memberRow('Carol Newhire')).toBeVisible();
  expect(await other.page.getByRole('rowheader').count()).toBe(await page.getByRole('rowheader').count());
});

test('a file exported in a synced workspace merges change by change: what was removed stays removed', async ({ app, page, other, server, room }) => {
  await twoInRoom(app, other, server, room);
  // Ann keeps a copy of the team's workspace; then Bea removes Sam.
  await app.goTo('Workspace');
  const file = await app.exportFile();
  expect(JSON.parse(file.text).teamSync.doc.length).toBeGreaterThan(100);
  await other.goTo('Team');
  await other.memberRow('Sam Okafor').getByRole('button', { name: 'Edit Sam Okafor' }).click();
  await other.page.getByRole('button', { name: 'Remove member' }).click();
  await other.page.getByRole('alertdialog').getByRole('button', { name: 'Yes, remove' }).click();
  await app.goTo('Team');
  await expect(app.memberRow('Sam Okafor')).toHaveCount(0);
  // Ann merges her older copy: Sam is not brought back, in either profile.
  await app.dropFile('team-copy.json', file.text);
  await page.getByRole('button', { name: 'Merge into this workspace' }).click();
  const merge = page.getByTestId('merge');
  await expect(merge).toContainText('exported from a synced workspace');
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(merge).toBeHidden();
  await expect(app.memberRow('Sam Okafor')).toHaveCount(0);
  await other.page.waitForTimeout(300);
  await expect(other.memberRow('Sam Okafor')).toHaveCount(0);
  await expect(app.memberRow('Chen Wei')).toBeVisible();
});

test('an update that is not a Rolecall workspace is refused whole, and nothing is lost', async ({ app, page, server, room }) => {
  await app.startFromTemplate();
  await connect(app, server, room);
  await connected(page);
  const before = await teamName(page).inputValue();
  // Another client of the stock protocol writes a "task" that is a number into the room.
  const require = createRequire(path.join(ROOT, 'sync-server/package.json'));
  const Y = require('yjs');
  const WebSocket = require('ws');
  const doc = new Y.Doc();
  doc.getMap('tasks').set('bad', 3);
  const update = Y.encodeStateAsUpdate(doc);
  const frame = new Uint8Array([0, 2, ...varuint(update.length), ...update]);
  const ws = new WebSocket(`${server.url}/${room}?token=${TOKEN}`);
  await new Promise((resolve) => ws.on('open', resolve));
  ws.send(frame);
  await expect(status(page)).toHaveAttribute('data-state', 'hostile');
  await expect(status(page)).toContainText('Nothing of it was applied, your data is unchanged');
  ws.close();
  await expect(teamName(page)).toHaveValue(before);
  await page.reload();
  await expect(teamName(page)).toHaveValue(before);
});

function varuint(n) {
  const out = [];
  while (n > 127) { out.push((n & 127) | 128); n >>>= 7; }
  out.push(n);
  return out;
}

test('thanks reach the team, and a private check-in never leaves its browser', async ({ app, page, other, server, room }) => {
  await twoInRoom(app, other, server, room);
  await app.goTo('Operations');
  await page.getByRole('radio', { name: 'Check-ins' }).check();
  await page.getByLabel('Member').selectOption({ label: 'Chen Wei' });
  await page.getByRole('button', { name: 'Add check-in' }).click();
  await page.getByLabel('Personal goals').fill('Private goal: lead the billing training');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByLabel('Thanks for …').fill('Thanks for the calm escalation');
  await page.getByRole('button', { name: 'Say thanks' }).click();
  await other.goTo('Operations');
  await other.page.getByRole('radio', { name: 'Check-ins' }).check();
  await other.page.getByLabel('Member').selectOption({ label: 'Chen Wei' });
  await expect(other.page.getByTestId('recognition')).toContainText('Thanks for the calm escalation');
  await expect(other.page.getByText('No check-ins with Chen Wei yet.')).toBeVisible();
  // Not in the other profile's storage, nor after its reload; still here after ours.
  await other.saved();
  expect((await other.storedWorkspace()).checkins).toEqual([]);
  await page.reload();
  await app.goTo('Workspace');
  await connected(page);
  await app.goTo('Operations');
  await page.getByRole('radio', { name: 'Check-ins' }).check();
  await page.getByLabel('Member').selectOption({ label: 'Chen Wei' });
  await expect(page.getByTestId('checkin')).toContainText('Private goal: lead the billing training');
});

test('two people comment on one task at once, and both comments reach both', async ({ app, page, other, server, room }) => {
  await twoInRoom(app, other, server, room);
  await app.goTo('Board');
  await other.goTo('Board');
  const title = await page.locator('.rc-board__cell[data-column="col_backlog"] .rc-task__title').first().textContent();
  const open = async (p) => {
    await p.getByRole('button', { name: new RegExp(`^${esc(title)}\\.`) }).click();
    return p.getByRole('dialog');
  };
  const [mine, theirs] = [await open(page), await open(other.page)];
  await mine.getByRole('textbox', { name: 'Add a comment' }).fill('Ann: called the customer.');
  await theirs.getByRole('textbox', { name: 'Add a comment' }).fill('Bea: refund approved.');
  await Promise.all([
    mine.getByRole('button', { name: 'Comment', exact: true }).click(),
    theirs.getByRole('button', { name: 'Comment', exact: true }).click(),
  ]);
  for (const d of [mine, theirs]) {
    // Waited for, however busy the machine (a colleague's comment comes through the server).
    await expect(d.getByTestId('comments').getByRole('listitem')).toHaveCount(2, { timeout: 20_000 });
    await expect(d.getByTestId('comments')).toContainText('Ann: called the customer.');
    await expect(d.getByTestId('comments')).toContainText('Bea: refund approved.');
  }
});

// Issue 23: what the app accepts survives the team's room unchanged; a form saves only what it
// changed, over a colleague's change; and what a colleague removed is not brought back by Save.
test('a 250-character title stays whole in both profiles and through a reload', async ({ app, page, other, server, room }) => {
  await twoInRoom(app, other, server, room);
  const title = 'A refund for a customer whose parcel arrived damaged twice, photos attached, escalated; '.repeat(3).slice(0, 250);
  await app.goTo('Board');
  await page.getByRole('button', { name: 'Add task' }).click();
  await page.getByRole('dialog').getByLabel('Title', { exact: true }).fill(title);
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await other.goTo('Board');
  await expect(other.page.getByRole('button', { name: new RegExp(`^${esc(title)}\\.`) })).toBeVisible();
  await app.saved();
  expect((await app.storedWorkspace()).board.tasks.map((t) => t.title)).toContain(title);
  await other.saved();
  expect((await other.storedWorkspace()).board.tasks.map((t) => t.title)).toContain(title);
  await page.reload();
  await expect(page.getByText('The saved workspace needed repairs')).toHaveCount(0);
  await expect(page.getByRole('button', { name: new RegExp(`^${esc(title)}\\.`) })).toBeVisible();
});

test('a form saves only what it changed: a colleague\'s capacity survives a save of the notes', async ({ app, page, other, server, room }) => {
  await twoInRoom(app, other, server, room);
  await app.goTo('Team');
  await app.memberRow('Chen Wei').getByRole('button', { name: /^Edit/ }).click();
  await page.getByLabel('Notes').fill('Prefers the early shift');
  await other.goTo('Team');
  await other.memberRow('Chen Wei').getByRole('button', { name: /^Edit/ }).click();
  await other.page.getByLabel('Weekly capacity (hours)').fill('7');
  await other.page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('changed-elsewhere')).toContainText('Weekly capacity (hours): 7');
  await page.getByRole('button', { name: 'Save' }).click();
  for (const p of [page, other.page]) {
    await expect(p.getByRole('row').filter({ has: p.getByRole('rowheader', { name: 'Chen Wei', exact: true }) }))
      .toContainText('7');
  }
  await expect.poll(async () => (await other.storedWorkspace()).members.find((m) => m.name === 'Chen Wei'))
    .toMatchObject({ capacity_hours: 7, notes: 'Prefers the early shift' });
});

test('a task a colleague removed is not brought back by Save', async ({ app, page, other, server, room }) => {
  await twoInRoom(app, other, server, room);
  await app.goTo('Board');
  await other.goTo('Board');
  const title = (await page.locator('.rc-board__cell[data-column="col_todo"] .rc-task__title').first().textContent()).trim();
  await page.getByRole('button', { name: new RegExp(`^${esc(title)}\\.`) }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Description').fill('Typed while Bea removed it');
  await other.page.getByRole('button', { name: new RegExp(`^${esc(title)}\\.`) }).click();
  await other.page.getByRole('dialog').getByRole('button', { name: 'Remove task' }).click();
  await other.page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(dialog.getByTestId('changed-elsewhere')).toContainText('Removed elsewhere');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('Save cannot bring it back');
  await other.saved();
  expect((await other.storedWorkspace()).board.tasks.some((t) => t.title === title)).toBe(false);
  await expect(other.page.getByRole('button', { name: new RegExp(`^${esc(title)}\\.`) })).toHaveCount(0);
});

/** The team document this profile stored in IndexedDB: its update records (v1 bytes, as arrays). */
const storedDoc = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open('rolecall');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('sync')) { db.close(); resolve({ updates: [], meta: null }); return; }
    const all = db.transaction('sync').objectStore('sync').getAll();
    all.onsuccess = () => {
      resolve({ updates: all.result.filter((r) => typeof r !== 'string').map((r) => Array.from(r)), meta: all.result.find((r) => typeof r === 'string') ?? null });
      db.close();
    };
  };
}));

test('the team document is kept in IndexedDB, not in localStorage, and grows by the changes made', async ({ app, page, other, server, room }) => {
  await twoInRoom(app, other, server, room);
  await expect.poll(async () => (await storedDoc(page)).updates.length).toBeGreaterThan(0);
  expect(JSON.parse((await storedDoc(page)).meta)).toMatchObject({ room, waiting: false });
  expect(await page.evaluate(() => localStorage.getItem('rolecall.sync-doc'))).toBeNull();
  const before = (await storedDoc(page)).updates.length;
  await teamName(page).fill('Stored as an update');
  await expect.poll(async () => (await storedDoc(page)).updates.length).toBeGreaterThan(before);
  // The stored updates alone make the workspace: read them with the Yjs library itself.
  const require = createRequire(path.join(ROOT, 'sync-server/package.json'));
  const Y = require('yjs');
  const doc = new Y.Doc();
  for (const u of (await storedDoc(page)).updates) Y.applyUpdate(doc, Uint8Array.from(u));
  expect(doc.getMap('settings').get('name')).toBe('Stored as an update');
});

test('a team document an earlier version kept in localStorage moves to IndexedDB, and the room opens without asking', async ({ app, page, other, server, room }) => {
  await twoInRoom(app, other, server, room);
  await teamName(page).fill('Before the update');
  await expect(teamName(other.page)).toHaveValue('Before the update');
  await expect.poll(async () => JSON.parse((await storedDoc(page)).meta ?? '{}').waiting).toBe(false);
  // Written as the earlier version did: the whole document (v2, base64url) beside the workspace.
  const require = createRequire(path.join(ROOT, 'sync-server/package.json'));
  const Y = require('yjs');
  const { updates, meta } = await storedDoc(page);
  const whole = Y.convertUpdateFormatV1ToV2(Y.mergeUpdates(updates.map((u) => Uint8Array.from(u))));
  const old = { ...JSON.parse(meta), doc: Buffer.from(whole).toString('base64url') };
  await page.evaluate(async (text) => {
    await new Promise((resolve) => { const d = indexedDB.deleteDatabase('rolecall'); d.onsuccess = d.onerror = d.onblocked = resolve; });
    localStorage.setItem('rolecall.sync-doc', text);
  }, JSON.stringify(old));
  await page.reload();
  // A lost document would make this browser ask whether to take the team's workspace.
  await connected(page);
  await expect(page.getByRole('button', { name: /Use the team/ })).toHaveCount(0);
  await expect(teamName(page)).toHaveValue('Before the update');
  await teamName(page).fill('After the update');
  await expect(teamName(other.page)).toHaveValue('After the update');
  await expect.poll(async () => (await storedDoc(page)).updates.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => localStorage.getItem('rolecall.sync-doc'))).toBeNull();
});

test('two years of history go to the room and to a colleague, and come back whole after a reload in both', async ({ app, page, other, server, room }) => {
  test.setTimeout(420_000);
  // 4,000 tasks (3,000 archived) and 21,000 comments, generated as the project's benchmark does.
  const file = path.join(os.tmpdir(), `rolecall-sync-two-years-${Date.now()}.json`);
  const { execFileSync } = await import('node:child_process');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(file, execFileSync('cargo', ['run', '-q', '--example', 'large_workspace', '--', '4000', '30', '21000'], { cwd: ROOT, maxBuffer: 128 << 20 }));
  await app.startEmpty();
  await app.goTo('Workspace');
  await app.importFile(file, 'two-years.json');
  await page.getByRole('button', { name: 'Replace workspace' }).click();
  await app.saved();
  await connect(app, server, room, { name: 'Ann' });
  await expect(status(page)).toHaveAttribute('data-state', 'connected', { timeout: 180_000 });
  await other.startEmpty();
  await connect(other, server, room, { name: 'Bea' });
  await expect(status(other.page)).toHaveAttribute('data-state', 'connected', { timeout: 180_000 });
  await expect(teamName(other.page)).toHaveValue('Benchmark Service Desk', { timeout: 180_000 });
  await other.saved();
  for (const who of [app, other]) {
    await who.page.reload();
    await expect(who.page.getByTestId('save-status')).toHaveText('All changes saved', { timeout: 180_000 });
    await expect(status(who.page)).toHaveAttribute('data-state', 'connected', { timeout: 180_000 });
    const whole = await readStoredWhole(who.page);
    expect(whole.thread.length).toBe(21000);
    expect(whole.board.tasks.filter((t) => t.archived).length).toBe(3000);
    await expect(who.page.getByTestId('save-failed')).toHaveCount(0);
  }
  await rm(file, { force: true });
});
