// Injected by bench/first-visit.mjs with page.addInitScript before any script of the page,
// identically into Shifo and the plain page, after `window.__fvConfig` = { listLabel, names,
// country, filteredCount, click }. It stamps, by the page's clock (performance.now(), 0 at
// navigation start):
//
// - readable: the end of the first frame in which a list item of the result list (the list
//   whose aria-label is `listLabel`) holds a center's name and lies, visible, inside the viewport;
// - markers: the end of the frame after each change to Leaflet's marker pane (the node side
//   takes the last one before the pane stayed quiet);
// - clicked: as soon as a center is readable and the country's checkbox (label starting with
//   `country`) exists and is enabled, whichever comes last, it is clicked (HTMLElement.click(),
//   so also inside a closed phone sheet): a reader clicks once the page shows something, and a
//   click before that would change what the first frame shows;
// - answered: the end of the first frame, after that click, in which a status says
//   `filteredCount` centers;
// - layout shifts (PerformanceObserver, buffered), with what moved.
//
// The checks run in a requestAnimationFrame callback (where the frame needs a layout anyway),
// and only after some DOM change: a check on every mutation would force extra layouts and
// slow the page it measures. "The end of the frame" is a setTimeout queued from that callback:
// it runs after the frame's style, layout and paint, as in bench/probe.js.
(() => {
  const config = window.__fvConfig;
  const names = new Set(config.names);
  const fv = (window.__fv = {
    readable: null, markers: [], clicked: null, answered: null, shifts: [], errors: [],
  });

  // What moved, so that a shift can be traced to its element.
  const describe = (node) => {
    if (!node) return null;
    if (node.nodeType !== Node.ELEMENT_NODE) return `#${node.nodeName}`;
    return `${node.localName}${node.id ? `#${node.id}` : ''}${node.classList.length ? `.${[...node.classList].join('.')}` : ''}`;
  };
  const rect = (r) => [r.x, r.y, r.width, r.height].map(Math.round);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      fv.shifts.push({
        value: e.value, startTime: e.startTime, hadRecentInput: e.hadRecentInput,
        sources: e.sources.map((s) => ({ node: describe(s.node), from: rect(s.previousRect), to: rect(s.currentRect) })),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });

  // Called from a rAF callback: the timeout runs once this frame is rendered.
  const afterFrame = (stamp) => setTimeout(() => stamp(performance.now()));

  const inViewport = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
      && r.top < innerHeight && r.left < innerWidth
      && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };

  // The first few items only: the first center shown is what a reader reads first.
  function centerReadable() {
    const list = document.querySelector(`[aria-label="${CSS.escape(config.listLabel)}"]`);
    if (!list) return false;
    const items = [...list.querySelectorAll('li')].slice(0, 5);
    return items.some((li) => {
      const text = li.textContent;
      return [...names].some((n) => text.includes(n)) && inViewport(li);
    });
  }

  const labelOf = (box) => (box.labels?.[0]?.textContent ?? box.getAttribute('aria-label') ?? '').trim();

  function countryControl() {
    return [...document.querySelectorAll('input[type=checkbox]')]
      .find((box) => !box.matches(':disabled') && labelOf(box).startsWith(config.country));
  }

  const countShown = () => [...document.querySelectorAll('[role=status], output')]
    .some((el) => new RegExp(`^\\s*${config.filteredCount} centers?\\s*$`).test(el.textContent));

  function maybeClick() {
    if (!config.click || fv.clicked !== null || fv.readable === null) return;
    const box = countryControl();
    if (!box) return;
    fv.clicked = performance.now();
    try { box.click(); } catch (e) { fv.errors.push(`click: ${e.message}`); }
  }

  let framePending = false;
  let markersDirty = false;
  function check() {
    framePending = false;
    if (fv.readable === null && centerReadable()) {
      afterFrame((t) => {
        fv.readable ??= t;
        maybeClick();
      });
    }
    if (fv.clicked !== null && fv.answered === null && countShown()) afterFrame((t) => { fv.answered ??= t; });
    if (markersDirty) {
      markersDirty = false;
      const pane = document.querySelector('.leaflet-marker-pane');
      const count = pane?.childElementCount ?? 0;
      afterFrame((t) => fv.markers.push({ t, count }));
    }
  }

  const inMarkerPane = (record) => {
    const node = record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentElement;
    return !!node?.closest('.leaflet-marker-pane');
  };

  // Once a center is readable, the click is tried on every mutation batch (no layout needed:
  // the checkbox is found by its label), so it happens in the microtask after the change that
  // made the checkbox usable.
  new MutationObserver((records) => {
    maybeClick();
    if (records.some(inMarkerPane)) markersDirty = true;
    if (!framePending) {
      framePending = true;
      requestAnimationFrame(check);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();
