// Picks, before the body is read, which first view the page shows (docs/architecture.md): the
// reader's language as the app will pick it (src/i18n.rs, core/src/output/url.rs), or "none"
// (the neutral "Loading…") where the app's first screen would differ: a link with anything
// but lang=, or a shortlist kept in this browser (the app shows it above the list).
(function () {
  'use strict';
  var CODES = ['en', 'ru', 'kk', 'uz', 'ky', 'tg', 'tk'];
  var html = document.documentElement;
  function code(tag) {
    var primary = String(tag || '').split(/[-_]/)[0].trim().toLowerCase();
    return CODES.indexOf(primary) >= 0 ? primary : null;
  }
  var lang = null;
  var plain = true;
  new URLSearchParams(location.search).forEach(function (value, key) {
    if (key === 'lang') lang = code(value) || lang;
    else plain = false;
  });
  var tags = (navigator.languages || []).concat(navigator.language || []);
  for (var i = 0; i < tags.length && !lang; i++) lang = code(tags[i]);
  lang = lang || 'en';
  try {
    if (localStorage.getItem('shifo.shortlist')) plain = false;
  } catch (e) { /* storage refused: no shortlist either */ }
  html.setAttribute('data-first-view', plain ? lang : 'none');
  html.lang = lang;
  // Start now what the app fetches for a reader of another language once it runs: its
  // interface texts (their file named by the page, scripts/texts-files.mjs) and, once the data
  // is in, the dataset's translations. Same mode and credentials as the app's fetches, so
  // these downloads are the ones the app gets.
  function preload(href) {
    var link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = href;
    document.head.appendChild(link);
  }
  var named = document.querySelector('meta[name="shifo-texts"]');
  var files = named ? named.content.split(' ') : [];
  for (var j = 0; j < files.length; j++) {
    if (files[j].indexOf(lang + '=') === 0) preload(files[j].slice(lang.length + 1));
  }
  if (plain && lang !== 'en') preload('data/translations/' + lang + '.json');
  // A center chosen on the first view is marked at once, and the app opens it when it takes
  // over (src/first_view.rs reads data-first-view-pressed).
  document.addEventListener('click', function (event) {
    var row = event.target.closest && event.target.closest('.first-view li.result');
    if (!row || !event.target.closest('button')) return;
    var rows = row.parentNode.children;
    for (var k = 0; k < rows.length; k++) {
      rows[k].classList.toggle('selected', rows[k] === row);
      rows[k].querySelector('button').setAttribute('aria-current', String(rows[k] === row));
    }
    html.setAttribute('data-first-view-pressed', row.getAttribute('data-center'));
  });
  // Enter in its search box keeps the words for the app, rather than reloading the page.
  document.addEventListener('submit', function (event) {
    if (event.target.closest('.first-view')) event.preventDefault();
  });
  // The first view's language switcher works before the app does.
  document.addEventListener('change', function (event) {
    var select = event.target;
    if (!select.closest || !select.closest('.first-view .language')) return;
    var params = new URLSearchParams(location.search);
    params.set('lang', select.value);
    location.search = params.toString();
  });
}());
