/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}'],
  serverModuleFormat: 'esm',
  serverPlatform: 'node',
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // Off (ADR 0034): with it, every page's HTML carried the routes it matches, which Remix finds by matching
    // the path's every prefix against all routes: ~3 ms of a signed-in page's ~22 ms of server time. Off, the
    // browser loads the whole route manifest once, as a cached file. React Router 7 keeps this choice
    // (`routeDiscovery: { mode: 'initial' }`).
    v3_lazyRouteDiscovery: false,
    v3_singleFetch: true,
    // v3_routeConfig is the other v3 flag left off: it exists only for the Vite plugin (routes.ts), and the
    // classic compiler asserts on it. See docs/decisions/0001-remix-classic-compiler.md.
  },
};
