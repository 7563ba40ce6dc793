// The counter kiosk's service worker (scope: the kiosk page, /kiosk; registered by KioskView on an
// enrolled tablet). A Vaadin page cannot start without its server, so a reload or a reboot while
// the server is out of reach would show the browser's error page and hide the ratings still
// waiting in the tablet's outbox (localStorage, kiosk-client.js). Here a navigation to /kiosk goes
// to the network first, always; only when the network fails (or a proxy in front answers 502/503/504,
// or nothing arrives within NAVIGATION_TIMEOUT_MS) the cached offline shell answers instead. The shell
// shows the unsent ratings and reloads the kiosk when the server answers again; the kiosk page then
// sends them (same idempotency keys: each is stored once).
//
// The only thing ever cached is that shell, fetched at install from /kiosk-device/offline: static,
// the same for every tablet, without cookies. No API answer, no Vaadin response and no other page is
// cached or answered from here; every other request (other pages under the scope's prefix such as
// /kiosks or /kiosk-device/*, scripts, the outbox's POSTs, push) goes to the network untouched.
// Vaadin's own PWA support (@PWA, /sw.js with scope /) is not used by this app; should it be added,
// this narrower scope keeps the kiosk page to this worker.
const SHELL_CACHE = 'hl-kiosk-shell-v1';
const SHELL = new URL('offline', self.location.href).href;
const KIOSK = new URL('../kiosk', self.location.href).pathname;
const NAVIGATION_TIMEOUT_MS = 20000;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE)
    .then((cache) => cache.add(new Request(SHELL, { cache: 'reload', credentials: 'omit' })))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key.startsWith('hl-kiosk-shell-') && key !== SHELL_CACHE)
      .map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.mode !== 'navigate' || request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname !== KIOSK) return;
  event.respondWith(kioskPage(event));
});

function shell() {
  return caches.open(SHELL_CACHE).then((cache) => cache.match(SHELL, { ignoreVary: true }));
}

// The shell is fetched again after each kiosk page the server answered, so a new version of it
// reaches the tablets with the next load, without a new worker.
function refreshShell() {
  return caches.open(SHELL_CACHE)
    .then((cache) => cache.add(new Request(SHELL, { cache: 'reload', credentials: 'omit' })))
    .catch(() => { /* the cached one stays */ });
}

async function kioskPage(event) {
  const request = event.request;
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve(null), NAVIGATION_TIMEOUT_MS);
  });
  try {
    const response = await Promise.race([fetch(request), timeout]);
    if (response && ![502, 503, 504].includes(response.status)) {
      if (response.ok) event.waitUntil(refreshShell());
      return response;
    }
    return (await shell()) || response || fetch(request);
  } catch (e) {
    const cached = await shell();
    if (cached) return cached;
    throw e;
  } finally {
    clearTimeout(timer);
  }
}
