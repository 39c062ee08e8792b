// Starts Rolecall. A file of its own rather than trunk's inline loader, so that the
// Content-Security-Policy allows scripts from this site only: no 'unsafe-inline', no hashes.
// Trunk.toml's pattern_script writes the tag that loads it, with the hashed file names.
const tag = document.querySelector('script[data-rolecall-js]');
const at = (name) => new URL(tag.getAttribute(name), document.baseURI).href;
const { default: init } = await import(at('data-rolecall-js'));
const wasm = await init({ module_or_path: at('data-rolecall-wasm') });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));

// Offline use: release builds declare their service worker (scripts/post-build.sh). A new
// version is announced to the app ('rolecall-update'), which asks the user; it is applied only
// when the app says so ('rolecall-apply-update'), never forced on a page in use.
const sw = document.querySelector('meta[name="rolecall-sw"]');
if (sw && 'serviceWorker' in navigator) {
  const announce = () => {
    document.documentElement.setAttribute('data-update-ready', '');
    dispatchEvent(new Event('rolecall-update'));
  };
  try {
    const reg = await navigator.serviceWorker.register(sw.content);
    if (reg.waiting && navigator.serviceWorker.controller) announce();
    reg.addEventListener('updatefound', () => {
      const next = reg.installing;
      next?.addEventListener('statechange', () => {
        if (next.state === 'installed' && navigator.serviceWorker.controller) announce();
      });
    });
    addEventListener('rolecall-apply-update', () => {
      // Another tab may have applied it already: then the new version only needs a reload.
      if (!reg.waiting) {
        location.reload();
        return;
      }
      navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
      reg.waiting.postMessage('skip-waiting');
    });
    // A tab left open for days still learns of new versions.
    setInterval(() => reg.update().catch(() => {}), 60 * 60 * 1000);
  } catch (e) {
    // Without a service worker the app still works; it just needs the network to start.
    console.warn('Rolecall: offline use is not available here:', e);
  }
}
