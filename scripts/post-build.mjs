// Trunk post-build hook, its steps in order (trunk would run separate hooks concurrently):
// 1. csp-loader.mjs moves trunk's inline loader into a file of its own;
// 2. service-worker.mjs writes the build's file list, that file included, into sw.js.
await import('./csp-loader.mjs');
await import('./service-worker.mjs');
