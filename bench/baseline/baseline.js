// The baseline: what a plain Leaflet + Leaflet.markercluster page does with the same dataset
// and the same filters as Shifo. Default cluster options (chunkedLoading off), so each step
// does all its work synchronously and the timings mean what they mean for the app.
'use strict';

(async () => {
  // The app's view rules, so both maps end on comparable views: the whole region when nothing
  // matches, at most zoom 10, 40 px padding (src/components/map/view.rs, core/src/geo/bounds.rs REGION).
  const REGION = L.latLngBounds([35.1, 46.5], [55.4, 87.3]);
  const FIT = { padding: [40, 40], maxZoom: 10, animate: false };
  const LIST_LIMIT = 50;

  const countEl = document.getElementById('count');
  const listEl = document.getElementById('list');

  const map = L.map('map', { center: REGION.getCenter(), zoom: 4 });
  // The same tile server as the app: offline its requests fail, as the app's do. It also gives
  // the map the maxZoom that markercluster requires.
  L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
    maxZoom: 19,
    attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
  }).addTo(map);

  const response = await fetch('/data/centers.json');
  const dataset = JSON.parse(await response.text());

  // One marker per center, created once; filtering only moves them in and out of the group.
  const entries = dataset.centers.map((center) => ({
    center,
    marker: L.marker([center.lat, center.lon], { title: center.name }),
  }));
  const group = L.markerClusterGroup();
  group.addTo(map);

  const treatsChildren = (c) => !!(c.pediatric && c.pediatric.treats_children);

  // filter = { specialty: code|null, country: code|null, pediatric: bool }; facets combine
  // with AND, as in the app.
  function matches(filter, c) {
    return (!filter.specialty || c.specialties.includes(filter.specialty))
      && (!filter.country || c.country === filter.country)
      && (!filter.pediatric || treatsChildren(c));
  }

  function show(shown) {
    group.clearLayers();
    group.addLayers(shown.map((e) => e.marker));
    if (shown.length) map.fitBounds(L.latLngBounds(shown.map((e) => e.marker.getLatLng())), FIT);
    else map.fitBounds(REGION, FIT);
    countEl.textContent = `${shown.length} ${shown.length === 1 ? 'center' : 'centers'}`;
    listEl.replaceChildren(...shown.slice(0, LIST_LIMIT).map((e) => {
      const li = document.createElement('li');
      li.textContent = e.center.name;
      return li;
    }));
  }

  window.baseline = {
    apply(filter = {}) {
      show(entries.filter((e) => matches(filter, e.center)));
    },
  };
  show(entries);
})();
