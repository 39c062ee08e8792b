// Fails when the release wasm grows past its gzip budgets. The budgets are a ratchet: lower them
// as the app gets smaller, never raise them without saying why in the commit.
//
// The app is split (scripts/tools/wasm-bindgen): a main module that every visit loads, and one
// wasm file per page group, fetched the first time one of its pages is shown, with the code that
// some groups share in files of their own. Two budgets:
//  - the main module, which issue 6 caps at 300 KB gzip (aiming at 200 KB);
//  - the first screen: the main module plus everything one group needs, for the largest group.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitSizes } from './split-sizes.mjs';

const MAIN_BUDGET_KB = 230;
const FIRST_SCREEN_BUDGET_KB = 370;

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;
const main = gz(join(dist, readdirSync(dist).find((f) => f.endsWith('.wasm'))));
const { groups, total } = splitSizes(dist, gz);

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
