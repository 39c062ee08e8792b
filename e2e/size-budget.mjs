// Fails when the release wasm grows past its gzip budget. The budget is a ratchet: lower it as
// the app gets smaller, never raise it without saying why in the commit.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Issue 6 asks for 300 KB (aiming at 200 KB); the app is not there yet (see README, "Size and speed").
const BUDGET_KB = 496;
const dist = fileURLToPath(new URL('../dist', import.meta.url));
const wasm = readdirSync(dist).find((f) => f.endsWith('.wasm'));
const gz = gzipSync(readFileSync(join(dist, wasm)), { level: 9 }).length / 1024;
const ok = gz <= BUDGET_KB;
console.log(`size budget: wasm ${gz.toFixed(1)} KB gzip, budget ${BUDGET_KB} KB: ${ok ? 'within' : 'OVER'}`);
console.log(`size: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
process.exit(ok ? 0 : 1);
