/**
 * The report's only script, inlined and allowed by its hash in the Content-Security-Policy. Plain
 * ES2020 with no dependencies: reads #seams-data, shows the tooltip on hover or focus, fills the
 * details panel on click or Enter, highlights the selected service's edges. It builds every node
 * with textContent, never innerHTML, so data from the analysed code stays text.
 */
export const CLIENT_SCRIPT = `(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('seams-data').textContent);
  var services = new Map(data.services.map(function (s) { return [s.id, s]; }));
  var map = document.getElementById('service-map');
  var tooltip = document.getElementById('tooltip');
  var details = document.getElementById('details');
  var hint = document.getElementById('details-hint');
  if (!map || !tooltip || !details) return;
  var nodes = Array.prototype.slice.call(map.querySelectorAll('.service-node'));
  var edges = Array.prototype.slice.call(map.querySelectorAll('.edge'));
  var selected = null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function count(n) { return String(n).replace(/\\B(?=(\\d{3})+(?!\\d))/g, ','); }
  function plural(n, word, many) { return count(n) + ' ' + (n === 1 ? word : (many || word + 's')); }
  function describe(s) {
    if (s.kind === 'shell') return 'composition root, stays' + (s.step ? ' · step ' + s.step : '');
    return s.kind === 'kernel' ? 'shared kernel' + (s.step ? ' · step ' + s.step : '') : 'service' + (s.step ? ' · extraction step ' + s.step : '');
  }

  function fillTooltip(s) {
    tooltip.replaceChildren();
    var head = el('div', 'tt-head');
    head.append(el('strong', 'tt-name', s.id), el('span', 'tt-kind', describe(s)));
    tooltip.append(head, el('div', 'tt-size', plural(s.files, 'file') + ' · ' + plural(s.lines, 'line')));
    var grid = el('dl', 'tt-metrics');
    s.metrics.forEach(function (m) {
      var cell = el('div');
      cell.append(el('dt', null, m[0]), el('dd', null, m[1]));
      grid.append(cell);
    });
    tooltip.append(grid);
    var api = s.api.operations + s.api.types;
    tooltip.append(el('div', 'tt-api-head', api === 0 ? 'No API used by other services' : 'API: ' + plural(s.api.operations, 'operation') + ', ' + plural(s.api.types, 'type')));
    if (s.api.top.length > 0) {
      var list = el('ul', 'tt-api');
      s.api.top.forEach(function (item) {
        var li = el('li');
        li.append(el('code', item[1] === 'type' ? 'type' : 'op', item[0]), el('span', 'tt-consumers', ' ← ' + item[2] + ' (' + plural(item[3], 'site') + ')'));
        list.append(li);
      });
      tooltip.append(list);
    }
  }

  function place(x, y) {
    tooltip.hidden = false;
    var pad = 14;
    var w = tooltip.offsetWidth;
    var h = tooltip.offsetHeight;
    var left = x + pad + w > window.innerWidth - 8 ? x - pad - w : x + pad;
    var top = y + pad + h > window.innerHeight - 8 ? y - pad - h : y + pad;
    tooltip.style.left = Math.max(8, left) + 'px';
    tooltip.style.top = Math.max(8, top) + 'px';
  }

  function hide() { tooltip.hidden = true; }

  function listOf(title, pairs) {
    var box = el('div', 'dt-group');
    box.append(el('h4', null, title));
    if (pairs.length === 0) { box.append(el('p', 'muted', 'none')); return box; }
    var p = el('p', 'dt-chips');
    pairs.forEach(function (pair) {
      var chip = el('button', 'chip link', pair[0] + ' ' + count(pair[1]));
      chip.type = 'button';
      chip.title = 'show ' + pair[0];
      chip.addEventListener('click', function () { select(pair[0]); });
      p.append(chip);
    });
    box.append(p);
    return box;
  }

  function fillDetails(s) {
    details.replaceChildren();
    var head = el('div', 'dt-head');
    var close = el('button', 'close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', 'close details');
    close.addEventListener('click', clear);
    head.append(el('h3', null, s.id), close);
    details.append(head, el('p', 'muted', describe(s) + ' · ' + plural(s.files, 'file') + ' · ' + plural(s.lines, 'line')));
    var card = el('a', 'card-link', 'Open its card ↓');
    card.href = '#' + s.card;
    details.append(card);
    details.append(listOf('Imports from', s.out), listOf('Imported by', s.in));
    details.append(el('h4', null, 'Modules (' + count(s.modules.length + s.moreModules) + ')'));
    var table = el('table', 'modules');
    var body = el('tbody');
    s.modules.forEach(function (m) {
      var row = el('tr');
      var name = el('td');
      name.append(el('code', null, m[0]));
      row.append(name, el('td', 'num', count(m[1])));
      body.append(row);
    });
    table.append(body);
    details.append(table);
    if (s.moreModules > 0) details.append(el('p', 'muted', '… ' + count(s.moreModules) + ' more in the JSON report'));
  }

  function select(id) {
    var s = services.get(id);
    if (!s) return;
    if (selected === id) { clear(); return; }
    selected = id;
    map.classList.add('has-selection');
    var neighbours = new Set([id]);
    edges.forEach(function (edge) {
      var on = edge.dataset.from === id || edge.dataset.to === id;
      edge.classList.toggle('active', on);
      if (on) { neighbours.add(edge.dataset.from); neighbours.add(edge.dataset.to); }
    });
    nodes.forEach(function (node) {
      node.classList.toggle('selected', node.dataset.service === id);
      node.classList.toggle('neighbour', neighbours.has(node.dataset.service));
      node.setAttribute('aria-pressed', node.dataset.service === id ? 'true' : 'false');
    });
    fillDetails(s);
    details.hidden = false;
    if (hint) hint.hidden = true;
  }

  function clear() {
    selected = null;
    map.classList.remove('has-selection');
    edges.forEach(function (edge) { edge.classList.remove('active'); });
    nodes.forEach(function (node) {
      node.classList.remove('selected', 'neighbour');
      node.setAttribute('aria-pressed', 'false');
    });
    details.hidden = true;
    details.replaceChildren();
    if (hint) hint.hidden = false;
  }

  nodes.forEach(function (node) {
    var s = services.get(node.dataset.service);
    if (!s) return;
    node.setAttribute('aria-pressed', 'false');
    node.addEventListener('mouseenter', function (event) { fillTooltip(s); place(event.clientX, event.clientY); });
    node.addEventListener('mousemove', function (event) { place(event.clientX, event.clientY); });
    node.addEventListener('mouseleave', hide);
    node.addEventListener('focus', function () {
      var box = node.getBoundingClientRect();
      fillTooltip(s);
      place(box.right, box.top);
    });
    node.addEventListener('blur', hide);
    node.addEventListener('click', function () { select(s.id); });
    node.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); select(s.id); }
    });
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { hide(); if (selected !== null) clear(); }
  });
})();
`;
