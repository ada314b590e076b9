// Trunk post-build hook, its steps in order (trunk would run separate hooks concurrently):
// 1. first-view.mjs writes the first view of every language into the page (first, so that
//    csp-loader's check for inline scripts and styles covers it too);
// 2. csp-loader.mjs moves trunk's inline loader into a file of its own; minify-js.mjs
//    minifies the wasm-bindgen glue (release builds), with its new integrity hash;
// 3. texts-files.mjs copies the other languages' interface texts into the build (before the
//    service worker's list, which includes them);
// 4. service-worker.mjs writes the build's file list, that file included, into sw.js;
// 5. precompress.mjs writes .gz and .br twins beside the final files (sw.js included), so it
//    comes last, and the service worker's list never names a twin.
await import('./first-view.mjs');
await import('./csp-loader.mjs');
await import('./minify-js.mjs');
await import('./texts-files.mjs');
await import('./service-worker.mjs');
await (await import('./precompress.mjs')).run();
