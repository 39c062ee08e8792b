// Rolecall's service worker: after the first visit the app starts without the network.
// scripts/post-build.sh puts VERSION (a digest of the build's files) and ASSETS (every file of
// the build) above this line, so each release has its own cache and its own worker script.
const CACHE = `rolecall-${VERSION}`;

self.addEventListener('install', (event) => {
  // 'reload' skips the HTTP cache, so a cache is never filled with a previous release's files.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(ASSETS.map((url) => new Request(url, { cache: 'reload' })))),
  );
  // No skipWaiting here: a new version waits until the user chooses to reload (see boot.js).
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('rolecall-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Every page of the app is index.html: pages live in the URL fragment.
    const cached = request.mode === 'navigate'
      ? await cache.match('./index.html')
      : await cache.match(request, { ignoreSearch: true });
    return cached || fetch(request);
  })());
});
