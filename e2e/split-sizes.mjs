// Sizes of the split build, for the size budget and the benchmark.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

/** The gzip size (level 9) of `file`, in KB. */
export const gzipKb = (file) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/** The main module: the one wasm file at the top of dist/, which every visit loads. */
export const mainWasm = (dist) => join(dist, readdirSync(dist).find((f) => f.endsWith('.wasm')));

// What each page group loads on top of the main module, measured by `size`. The loader that
// wasm-split-cli writes (dist/split-<build>/__wasm_split.js) names, above each shared file, the
// groups that need it: `/* board, chart */`.

export function splitSizes(dist, size) {
  const dir = readdirSync(dist).find((f) => f.startsWith('split-'));
  if (!dir) throw new Error('dist/ has no split-<build>/ folder: is this a split build?');
  const loader = readFileSync(join(dist, dir, '__wasm_split.js'), 'utf8');
  const shared = [...loader.matchAll(/\/\* ([\w, ]+) \*\/\s*const __chunk_(\d+)/g)]
    .map(([, names, n]) => ({ groups: names.split(', '), file: `chunk_${n}.wasm` }));
  const files = readdirSync(join(dist, dir)).filter((f) => f.endsWith('.wasm'));
  const kb = (f) => size(join(dist, dir, f));
  const groups = files.filter((f) => f.startsWith('split_')).map((f) => {
    const name = f.slice('split_'.length, -'.wasm'.length);
    const deps = shared.filter((s) => s.groups.includes(name)).map((s) => s.file);
    return { name, files: 1 + deps.length, kb: kb(f) + deps.reduce((a, d) => a + kb(d), 0) };
  }).sort((a, b) => a.name.localeCompare(b.name));
  if (groups.length === 0) throw new Error(`${dir}/ has no split_<group>.wasm files`);
  return { dir, groups, total: files.reduce((a, f) => a + kb(f), 0) };
}
