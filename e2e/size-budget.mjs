// Fails when the release wasm grows past its gzip budgets. The budgets are a ratchet: lower them
// as the app gets smaller, never raise them without saying why in the commit.
//
// The app is split (scripts/tools/wasm-bindgen): a main module that every visit loads, and one
// wasm file per page group, fetched the first time one of its pages is shown, with the code that
// some groups share in files of their own. Two budgets:
//  - the main module, which issue 6 caps at 300 KB gzip (aiming at 200 KB);
//  - the first screen: the main module plus everything one group needs, for the largest group.
import { fileURLToPath } from 'node:url';
import { gzipKb, mainWasm, splitSizes } from './split-sizes.mjs';

// Raised within issue 12's allowance (the main module's budget +10 KB at most): 230 → 240. The
// first screen rose with it, 362 → 383: +10 for the main module, and the board group's own code
// for a board that moves a card in 12 ms instead of 76 (per-card memos and flags, windowed
// columns, a filter that hides rather than unmounts). Measured at that commit: main 239.2, board
// first screen 381.6.
//
// Raised for issue 13 (team sync), within its allowance for the main module (+5 KB at most for a
// workspace that never syncs): 240 → 244. The sync engine and yrs are a page group of their own
// (102 KB gzip with what it shares, fetched only when sync is turned on), and the import preview
// moved out of the main module into a group of its own (fetched when a file is first read) to
// keep the main module within that allowance. The first screen rose 383 → 392: +4.4 for the main
// module, and about +5 for the board group's share of code that the new groups also use, which
// wasm-split now keeps in more, smaller shared files (26 instead of 17, each with its own
// overhead). Measured at that commit: main 243.6, board first screen 391.2.
//
// Raised for issue 14's staffing calculator (Insights → Staffing): 244 → 246 and 392 → 400.
// The main module holds every string of both languages (wasm-split moves code, not data): the
// tab's 31 strings in English and Chinese are +1.5 KB. The insights group grew by the tab and
// Erlang C (+10.7 KB), which makes it the largest first screen. Measured with the fixes of the
// sync review that followed: main 245.7, insights first screen 400.0.
//
// Raised for the rest of issue 14 (Operations: meetings, the improvement log, routines, check-ins
// and recognition; schema version 5): 246 → 273 and 400 → 430. The six new kinds of entity are
// part of the one envelope every visit reads, so their serde code is in the main module (their
// deserialisers alone are 31 KB before wasm-opt: the improvement entry has 15 fields), with
// their import repair, the version 5 migration, the routines' catch-up (it runs at start, with no
// page open) and about 100 strings in two languages (+3.5 KB). Two cuts pay for part of it, for
// every kind of entity: rows become JSON trees through the text serialiser instead of a second,
// value serialiser (−5.2 KB), and the field-by-field repair of import is one function instead of
// one per type (−1.2 KB). The pages themselves are a group of their own. Measured at that commit:
// main 272.3 (still under issue 6's cap of 300), insights first screen 429.3.
//
// Then 273 → 277 and 430 → 435, for speed: `ops::diff` compares rows as typed data before it
// serialises any (each row type's equality is now in the main module), so that the difference of
// two 1,000-task workspaces that differ in one task takes 1.2 ms instead of 25.8 (natively); it
// runs on every colleague's edit, every other tab's save and every import merge. With it, the
// first fixes of issue 15 (KPI bounds, the Chinese board columns, the shared swimlane, their
// strings, length limits, the notice in open forms). Measured: main 276.8, insights first screen
// 434.3. Then 279 / 437 for the fixes of a review: routines wait for a team room's workspace
// before they make anything, and skip days already made; a version 4 room's rhythm lines read as
// meetings; removal impact and the keyboard's place. Measured: main 278.6, insights 436.4.
// Then 280 / 439 for issue 15's quick add and the choice of what a share link carries (with
// their strings). Measured: main 279.0, insights first screen 438.2. Then 442 for the board's
// list of archived tasks (search and restore), a board page component: main 279.1, largest
// first screen 441.6.
//
// Then 282 / 451 for the rest of issue 15, after offsetting what could be: the header's menu, "I
// am" and "My work" (main), the board's one filter bar and "Move to…" on phones, kept drafts of
// open forms, and the tasks' threads (comments and recorded changes: a collection of version 6,
// read on every load, so in main; the thread's view is a split point of its own, fetched when
// a task is opened). Offsets in the same change: dates read by hand instead of chrono's parser
// and strftime (main -5.7), drafts read through a JSON tree instead of a second copy of each
// entity's reader (board -9). Measured: main 281.7, largest first screen (board) 450.5.
//
// Then 277 / 449 for issue 23 (one declaration per entity, the form kit on every editor), after
// the cuts that paid for it and more: the start of the app reads what this version stored
// directly (import::read_own), so the migrations, the repairs and the reader of files are a
// split point of their own ("reader", fetched for a file, a link, or an old or damaged save:
// main -9.2); the task editor is a split point of its own, fetched once the board is on screen
// (board first screen -36 before the cuts elsewhere); the producers and target-features
// sections are stripped from every wasm file (about -8 on each first screen: each of the many
// small shared files carried 200 bytes of them). The team group is now the largest first
// screen, in more, smaller shared files (issue 25 merges them). Measured: main 276.9, largest
// first screen (team) 448.2, board 409.8.
//
// Then 274 / 445 (issue 23's review): JSON text is written by one compact writer
// (model::json::text) instead of serde_json's Display, which took the pretty printer and the
// io::Error strings into the main module. Measured: main 273.1, team 444.2, board 406.0.
//
// Then 276 / 449 for issue 24's first step (still below the 277 / 449 this session began
// with): the browser is asked to keep the team's data (navigator.storage.persist, once there is
// a team: main +1.1 with the bindings of the storage manager), the Workspace page says how much
// is stored and warns before it is full (team +2.5), and the limits are read from one place.
// IndexedDB's code is in the sync group only (the team document lives there). Measured: main
// 275.1, team 448.7, board 408.1. Issue 25 (size) is next after issue 24.
//
// Then 274 / 452 for issue 24's second step (the workspace stored as a hot part in localStorage
// and cold rows in IndexedDB). The main module went down: it holds only the read of the hot part
// for the first screen; the whole read, the saves, other tabs and the move from the older layout
// are a page group of their own ("store"), fetched at start alongside the first screen (nothing
// changes before it has read the history). Its code shares small files with the page groups
// (IndexedDB's bindings, the serialisers), and the Team page's group, the largest first screen,
// carries those: +2.6 that no cut here paid for (issue 25, size, is next). Measured: main 273.0,
// team 451.3, board 406.7, store 335.3.
const MAIN_BUDGET_KB = 274;
const FIRST_SCREEN_BUDGET_KB = 452;

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const main = gzipKb(mainWasm(dist));
const { groups, total } = splitSizes(dist, gzipKb);

const checks = [];
const check = (what, kb, budget) => {
  const ok = kb <= budget;
  checks.push(ok);
  console.log(`size budget: ${what} ${kb.toFixed(1)} KB gzip, budget ${budget} KB: ${ok ? 'within' : 'OVER'}`);
};
check('main wasm', main, MAIN_BUDGET_KB);
for (const g of groups) console.log(`  first screen with the ${g.name} group: ${(main + g.kb).toFixed(1)} KB gzip (main + ${g.files} files)`);
check('largest first screen', main + Math.max(...groups.map((g) => g.kb)), FIRST_SCREEN_BUDGET_KB);
console.log(`  all wasm: ${(main + total).toFixed(1)} KB gzip`);
const failed = checks.filter((ok) => !ok).length;
console.log(`size: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
