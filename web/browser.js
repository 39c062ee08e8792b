// The few browser calls that are shorter and smaller in JavaScript than through web-sys.
// wasm-bindgen bundles this file with the app (see src/browser.rs).

// Raw DEFLATE by the browser's own CompressionStream: share links cost the app no
// compression code of its own.
export async function deflate(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Inflates `bytes` into text, stopping with a RangeError past `max` bytes: a short link must not
// be able to expand into gigabytes.
export async function inflate(bytes, max) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const parts = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel();
      throw new RangeError(`more than ${max} bytes`);
    }
    parts.push(value);
  }
  return new TextDecoder().decode(await new Blob(parts).arrayBuffer());
}

export async function copyText(text) {
  await navigator.clipboard.writeText(text);
}
