// Injected with page.addInitScript before any script of the page, identically into the app and
// the baseline, so both are timed by the same clock and the same rule: "drawn" is the last DOM
// mutation once the page has been quiet for a while.
(() => {
  const bench = (window.__bench = {
    lastMutation: 0, // performance.now() of the last mutation batch outside the tile pane
    lastFrame: 0, // performance.now() just after the frame that followed that batch
    wasmMemory: null, // the app's WebAssembly.Memory (the baseline has none)
  });

  // The app and the baseline both make tile requests that fail offline; do not let them push
  // the dataset's entry out of the default 250-entry buffer.
  performance.setResourceTimingBufferSize(100000);

  // Tiles load (or fail) on their own schedule, whatever the filters do: ignore them. A
  // childList record on the pane itself counts as inside it (closest() includes the node).
  const outsideTiles = (record) => {
    const node = record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentElement;
    return !node || !node.closest('.leaflet-tile-pane');
  };

  // MutationObserver callbacks run at the microtask checkpoint after the mutating script, so
  // the stamp is when the page's own work ended. Style, layout and paint come after that; the
  // rAF + setTimeout pair stamps the end of the next rendered frame as a second figure.
  let framePending = false;
  const observer = new MutationObserver((records) => {
    const now = performance.now();
    if (!records.some(outsideTiles)) return;
    bench.lastMutation = now;
    if (framePending) return;
    framePending = true;
    requestAnimationFrame(() => {
      framePending = false;
      setTimeout(() => { bench.lastFrame = performance.now(); });
    });
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });

  // trunk 0.21.14's loader dispatches this with the wasm-bindgen exports once the app started.
  // Keep the Memory object: its buffer is replaced whenever the memory grows.
  addEventListener('TrunkApplicationStarted', (e) => { bench.wasmMemory = e.detail?.wasm?.memory ?? null; });

  /**
   * Resolves once nothing outside the tile pane mutated for `quiet` ms after `since`, and the
   * frame after the last mutation was rendered: { lastMutation, lastFrame }. Rejects after
   * `timeout` ms (of page time; a page stuck in one long task is caught by the node side).
   */
  bench.settle = ({ since = 0, quiet = 300, timeout = 60000 } = {}) => new Promise((resolve, reject) => {
    const start = performance.now();
    const tick = () => {
      const now = performance.now();
      const idle = now - Math.max(bench.lastMutation, since);
      if (idle >= quiet && bench.lastFrame >= bench.lastMutation) {
        resolve({ lastMutation: bench.lastMutation, lastFrame: bench.lastFrame });
      } else if (now - start > timeout) {
        reject(new Error(`page still mutating after ${timeout} ms`));
      } else {
        setTimeout(tick, 20);
      }
    };
    tick();
  });
})();
