// The plain page: Leaflet + Leaflet.markercluster with default options, the bundled dataset,
// a list of every matching center and a checkbox per country (several checked: any of them,
// as in the app). No framework, no build step: what the app's first visit is compared with.
'use strict';

(async () => {
  // The app's view rules, so both maps end on comparable views (src/components/map/view.rs,
  // core/src/geo/bounds.rs REGION).
  const REGION = L.latLngBounds([35.1, 46.5], [55.4, 87.3]);
  const FIT = { padding: [40, 40], maxZoom: 10, animate: false };
  const COUNTRIES = { KZ: 'Kazakhstan', UZ: 'Uzbekistan', KG: 'Kyrgyzstan', TJ: 'Tajikistan', TM: 'Turkmenistan' };

  // A name is a string, or { text, translated_from } for an English name that is a translation.
  const nameOf = (center) => (typeof center.name === 'string' ? center.name : center.name.text);

  const countEl = document.getElementById('count');
  const listEl = document.getElementById('list');
  const countriesEl = document.getElementById('countries');

  const map = L.map('map').fitBounds(REGION, FIT);
  // The app's tile server: the benchmark refuses it for both pages alike.
  L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
    maxZoom: 19,
    attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
  }).addTo(map);

  const response = await fetch('../data/centers.json');
  const dataset = await response.json();

  const entries = dataset.centers.map((center) => ({
    center,
    marker: L.marker([center.lat, center.lon], { title: nameOf(center) }),
  }));
  const group = L.markerClusterGroup().addTo(map);
  const chosen = new Set();

  function item(center) {
    const li = document.createElement('li');
    const place = document.createElement('small');
    place.textContent = `${center.city}, ${COUNTRIES[center.country] ?? center.country}`;
    li.append(nameOf(center), place);
    return li;
  }

  function show() {
    const shown = entries.filter((e) => !chosen.size || chosen.has(e.center.country));
    countEl.textContent = `${shown.length} ${shown.length === 1 ? 'center' : 'centers'}`;
    listEl.replaceChildren(...shown.map((e) => item(e.center)));
    group.clearLayers();
    group.addLayers(shown.map((e) => e.marker));
    map.fitBounds(shown.length ? L.latLngBounds(shown.map((e) => e.marker.getLatLng())) : REGION, FIT);
  }

  function countryBoxes() {
    for (const [code, name] of Object.entries(COUNTRIES)) {
      const n = entries.filter((e) => e.center.country === code).length;
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = code;
      box.addEventListener('change', () => {
        if (box.checked) chosen.add(code); else chosen.delete(code);
        show();
      });
      label.append(box, ` ${name} ${n}`);
      countriesEl.append(label);
    }
    countriesEl.disabled = false;
  }

  countryBoxes();
  show();
})();
