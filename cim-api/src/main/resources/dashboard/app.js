/*
 * The Commons Impact Metrics dashboard (docs/dashboard.md): one script for the three pages,
 * chosen by the path: "/" (the month's leaderboards), "/category/<title>" and "/file/<name>".
 * Selections live in the query string (?month=2024-02&scope=deep&wiki=all-wikis), so that a URL
 * can be shared. Every number comes from the server's own API under /metrics/commons-analytics/
 * and its two /ui/ helpers; nothing is requested from any other host.
 */
'use strict';
(function () {
  const API = '/metrics/commons-analytics/';
  const ALL_WIKIS = 'all-wikis';
  const SERIES_START = '20000101';
  const numbers = new Intl.NumberFormat('en-US');
  const params = new URLSearchParams(location.search);
  const main = document.getElementById('main');
  let searchMonth = null;

  // ------------------------------------------------------------------ formatting

  const fmtNumber = (n) => (n === null || n === undefined ? '–' : numbers.format(n));
  const fmtTitle = (t) => t.replace(/_/g, ' ');
  const fmtMonth = (m) => {
    const [y, mo] = m.split('-').map(Number);
    return new Date(Date.UTC(y, mo - 1, 1)).toLocaleString('en-US',
      { month: 'long', year: 'numeric', timeZone: 'UTC' });
  };
  const fmtUser = (u) => (u === ':anonymous:' ? 'Anonymous (IP) editors'
    : u === ':redacted:' ? 'Hidden user name' : u);
  const monthOf = (timestamp) => timestamp.slice(0, 7);
  const nextMonthDay = (m) => {
    const [y, mo] = m.split('-').map(Number);
    return mo === 12 ? `${y + 1}0101` : `${y}${String(mo + 1).padStart(2, '0')}01`;
  };
  const firstDay = (m) => m.replace('-', '') + '01';
  const segment = (s) => encodeURIComponent(s);
  const yearMonth = (m) => m.split('-').map(Number).join('/');
  const wikiUrl = (wiki, title) => `https://${wiki}.org/wiki/${encodeURIComponent(title)}`;
  const normalizeTitle = (t) => t.trim().replace(/ /g, '_');
  /** The ?month= asked for when it is a real YYYY-MM, else {@code fallback}. */
  const askedMonth = (fallback) => {
    const m = params.get('month');
    return m && /^\d{4}-(0[1-9]|1[0-2])$/.test(m) ? m : fallback;
  };

  // ------------------------------------------------------------------ DOM helpers

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined) continue;
      if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children.flat(Infinity)) {
      if (child !== null && child !== undefined && child !== false) {
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    }
    return node;
  }

  function message(text, kind) {
    return el('p', { class: 'message' + (kind ? ' ' + kind : ''), 'data-message': kind || 'info' },
      text);
  }

  // ------------------------------------------------------------------ data

  /** One API request: {items, notLoaded}; a 404 means "not loaded yet", other failures throw. */
  async function api(path) {
    const response = await fetch(API + path);
    if (response.status === 404) {
      const problem = await response.json().catch(() => ({}));
      return { items: [], notLoaded: true, detail: problem.detail || 'not loaded yet' };
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || `the server answered ${response.status}`);
    }
    return { items: (await response.json()).items, notLoaded: false };
  }

  async function ui(path) {
    const response = await fetch(path);
    if (!response.ok) throw new Error(`the server answered ${response.status} for ${path}`);
    return response.json();
  }

  // ------------------------------------------------------------------ tables, CSV, charts

  /**
   * A data table: columns [{key, label, numeric, format, link}], rows of raw values keyed by
   * column key. Each cell keeps its raw value in data-value; the CSV has the raw values.
   */
  function dataTable(id, caption, columns, rows) {
    const table = el('table', { 'data-table': id },
      el('caption', { text: caption }),
      el('thead', {}, el('tr', {}, columns.map((c) =>
        el('th', { scope: 'col', class: c.numeric ? 'num' : null, text: c.label })))),
      el('tbody', {}, rows.map((row) => el('tr', {}, columns.map((c) => {
        const raw = row[c.key];
        const shown = c.format ? c.format(raw, row) : (c.numeric ? fmtNumber(raw) : raw);
        const content = c.link && raw !== null ? el('a', { href: c.link(raw, row) }, shown)
          : shown;
        return el('td', { class: c.numeric ? 'num' : null,
          'data-value': raw === null || raw === undefined ? '' : String(raw) }, content);
      })))));
    const download = el('button', { type: 'button', 'data-csv': id,
      onclick: () => downloadCsv(id, columns, rows) }, 'Download CSV');
    return el('div', { class: 'table-wrap' }, table, el('div', { class: 'actions' }, download));
  }

  function downloadCsv(id, columns, rows) {
    const quote = (v) => {
      const s = v === null || v === undefined ? '' : String(v);
      return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
    };
    const lines = [columns.map((c) => quote(c.key)).join(',')]
      .concat(rows.map((r) => columns.map((c) => quote(r[c.key])).join(',')));
    const url = URL.createObjectURL(new Blob([lines.join('\n') + '\n'], { type: 'text/csv' }));
    const link = el('a', { href: url, download: id + '.csv' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  const COLORS = ['#3366cc', '#dd3333', '#00af89', '#fc3', '#6b4ba1', '#72777d', '#ff6600'];

  /** A chart whose numbers are also in the table that follows it (for screen readers too). */
  function chart(id, type, labels, datasets, description) {
    const canvas = el('canvas', { role: 'img',
      'aria-label': description + ' The numbers are in the table below the chart.' });
    const box = el('div', { class: 'chart', 'data-chart': id }, canvas);
    requestAnimationFrame(() => {
      if (typeof Chart === 'undefined') {
        box.replaceWith(el('p', { class: 'empty' }, 'The chart could not be drawn; the table '
          + 'below has its numbers.'));
        return;
      }
      new Chart(canvas, {
        type,
        data: { labels, datasets: datasets.map((d, i) => Object.assign({
          borderColor: COLORS[i % COLORS.length], backgroundColor: COLORS[i % COLORS.length],
          spanGaps: false, tension: 0, pointRadius: 4 }, d)) },
        options: { animation: false, responsive: true, maintainAspectRatio: false,
          scales: { y: { beginAtZero: true, ticks: { callback: (v) => fmtNumber(v) } } },
          plugins: { tooltip: { callbacks: { label: (c) =>
            `${c.dataset.label}: ${fmtNumber(c.parsed.y)}` } } } },
      });
    });
    return box;
  }

  function card(title, id, ...body) {
    return el('section', { class: 'card', 'data-section': id }, el('h2', { text: title }), body);
  }

  function noneIn(month, what) {
    return el('p', { class: 'empty', 'data-empty': 'true' },
      `No ${what} for this selection in ${fmtMonth(month)}.`);
  }

  function selector(name, label, options, value) {
    return el('label', {}, label, el('select', { name, onchange: (e) => e.target.form.submit() },
      options.map(([v, text]) => el('option', { value: v, selected: v === value ? '' : null },
        text))));
  }

  function controls(hidden, ...selects) {
    return el('form', { class: 'controls', method: 'get' }, selects,
      Object.entries(hidden).map(([k, v]) => el('input', { type: 'hidden', name: k, value: v })),
      el('noscript', {}, el('button', { type: 'submit' }, 'Show')));
  }

  /** The loaded months, newest first, and the asked-for one if it is not loaded. */
  const monthOptions = (months, asked) => months.concat(months.includes(asked) ? [] : [asked])
    .sort().reverse().map((m) => [m, fmtMonth(m) + (months.includes(m) ? '' : ' (not loaded)')]);
  const scopeOptions = [['deep', 'Deep (with subcategories)'],
    ['shallow', 'Shallow (this category only)']];

  /** Months (YYYY-MM, ascending) present in a series. */
  const monthsOf = (items) => [...new Set(items.map((i) => monthOf(i.timestamp)))].sort();

  /** {month: value} of a series. */
  function byMonth(items, field) {
    const map = {};
    for (const i of items) map[monthOf(i.timestamp)] = i[field];
    return map;
  }

  // ------------------------------------------------------------------ overview

  async function overview() {
    const months = (await ui('/ui/months')).items.map((m) => m.month);
    main.replaceChildren(el('h1', { text: 'Commons Impact Metrics' }));
    if (months.length === 0) {
      main.append(message('No month is loaded yet. Load one with "cim load-cassandra", then '
        + 'reload this page.', 'not-loaded'));
      return;
    }
    const month = askedMonth(months[0]);
    const scope = params.get('scope') === 'shallow' ? 'shallow' : 'deep';
    searchMonth = months.includes(month) ? month : months[0];
    main.append(el('p', { class: 'subtitle' },
      'How the media files of GLAM categories on Wikimedia Commons are used and viewed.'),
    controls({}, selector('month', 'Month', monthOptions(months, month), month),
      selector('scope', 'Categories counted', scopeOptions, scope)));
    if (!months.includes(month)) {
      main.append(message(`Nothing is loaded for ${fmtMonth(month)} yet. Loaded months: `
        + months.map(fmtMonth).join(', ') + '.', 'not-loaded'));
      return;
    }
    const ym = yearMonth(month);
    const [viewed, edited] = await Promise.all([
      api(`top-viewed-categories-monthly/${scope}/${ALL_WIKIS}/${ym}`),
      api(`top-edited-categories-monthly/${scope}/all-edit-types/${ym}`)]);
    const leader = viewed.items.length ? viewed.items[0].category : null;
    const files = leader
      ? await api(`top-viewed-media-files-monthly/${segment(leader)}/${scope}/${ALL_WIKIS}/${ym}`)
      : { items: [] };
    const categoryLink = (c) => `/category/${segment(c)}?month=${month}&scope=${scope}`;
    main.append(el('div', { class: 'grid' },
      card('Most viewed categories', 'top-viewed-categories', viewed.items.length
        ? dataTable('top-viewed-categories', `Page views of pages using the files, all wikis, `
          + fmtMonth(month), [
          { key: 'rank', label: 'Rank', numeric: true },
          { key: 'category', label: 'Category', format: fmtTitle, link: categoryLink },
          { key: 'pageview-count', label: 'Page views', numeric: true }], viewed.items)
        : noneIn(month, 'page views')),
      card('Most edited categories', 'top-edited-categories', edited.items.length
        ? dataTable('top-edited-categories', `Edits to the files, ${fmtMonth(month)}`, [
          { key: 'rank', label: 'Rank', numeric: true },
          { key: 'category', label: 'Category', format: fmtTitle, link: categoryLink },
          { key: 'edit-count', label: 'Edits', numeric: true }], edited.items)
        : noneIn(month, 'edits')),
      card(leader ? `Most viewed files of ${fmtTitle(leader)}` : 'Most viewed files',
        'top-viewed-files', files.items.length
          ? dataTable('top-viewed-files', 'Files of the most viewed category (the API ranks files '
            + `within a category), ${fmtMonth(month)}`, fileColumns(month), files.items)
          : noneIn(month, 'file views'))));
  }

  const fileColumns = (month) => [
    { key: 'rank', label: 'Rank', numeric: true },
    { key: 'media-file', label: 'File', format: fmtTitle,
      link: (f) => `/file/${segment(f)}?month=${month}` },
    { key: 'pageview-count', label: 'Page views', numeric: true }];

  const pageColumns = [
    { key: 'rank', label: 'Rank', numeric: true },
    { key: 'page-wiki', label: 'Wiki' },
    { key: 'page-title', label: 'Page', format: fmtTitle,
      link: (t, row) => wikiUrl(row['page-wiki'], t) },
    { key: 'pageview-count', label: 'Page views', numeric: true }];

  const wikiColumns = [
    { key: 'rank', label: 'Rank', numeric: true },
    { key: 'wiki', label: 'Wiki' },
    { key: 'pageview-count', label: 'Page views', numeric: true }];

  // ------------------------------------------------------------------ category page

  async function categoryPage(title) {
    const snapshot = await api(`category-metrics-snapshot/${segment(title)}/${SERIES_START}/`
      + '21000101');
    main.replaceChildren(el('h1', {}, el('span', { text: 'Category: ' }),
      el('span', { 'data-title': title, text: fmtTitle(title) })));
    if (snapshot.notLoaded) {
      main.append(message(`No data is loaded for the category “${fmtTitle(title)}”. Titles are `
        + 'case-sensitive: check the spelling, or use the search box to find a loaded category.',
      'not-loaded'));
      return;
    }
    const months = monthsOf(snapshot.items);
    const month = askedMonth(months[months.length - 1]);
    const scope = params.get('scope') === 'shallow' ? 'shallow' : 'deep';
    const wiki = params.get('wiki') || ALL_WIKIS;
    searchMonth = months.includes(month) ? month : months[months.length - 1];
    const t = segment(title);
    const wikisOfMonth = months.includes(month)
      ? await api(`top-wikis-per-category-monthly/${t}/deep/${yearMonth(month)}`) : { items: [] };
    const wikis = [...new Set([ALL_WIKIS, wiki].concat(wikisOfMonth.items.map((w) => w.wiki)))];
    main.append(el('p', { class: 'subtitle' }, el('a', {
      href: `https://commons.wikimedia.org/wiki/Category:${encodeURIComponent(title)}` },
    'The category on Wikimedia Commons')),
    controls({}, selector('month', 'Month', monthOptions(months, month), month),
      selector('scope', 'Files counted', scopeOptions, scope),
      selector('wiki', 'Wiki', wikis.map((w) => [w, w === ALL_WIKIS ? 'All wikis' : w]), wiki)));
    if (!months.includes(month)) {
      main.append(message(`Nothing is loaded for “${fmtTitle(title)}” in ${fmtMonth(month)} `
        + 'yet. Loaded months for this category: ' + months.map(fmtMonth).join(', ') + '.',
      'not-loaded'));
      return;
    }
    const ym = yearMonth(month);
    const range = `${firstDay(months[0])}/${nextMonthDay(months[months.length - 1])}`;
    const w = segment(wiki);
    const [viewsShallow, viewsDeep, created, updated, files, pages, topWikis, editors] =
      await Promise.all([
        api(`pageviews-per-category-monthly/${t}/shallow/${w}/${range}`),
        api(`pageviews-per-category-monthly/${t}/deep/${w}/${range}`),
        api(`edits-per-category-monthly/${t}/${scope}/create/${range}`),
        api(`edits-per-category-monthly/${t}/${scope}/update/${range}`),
        api(`top-viewed-media-files-monthly/${t}/${scope}/${w}/${ym}`),
        api(`top-pages-per-category-monthly/${t}/${scope}/${w}/${ym}`),
        api(`top-wikis-per-category-monthly/${t}/${scope}/${ym}`),
        api(`top-editors-monthly/${t}/${scope}/all-edit-types/${ym}`)]);

    const snap = snapshot.items.find((i) => monthOf(i.timestamp) === month);
    const figureRows = [
      ['files', 'Files in the category', 'media-file-count'],
      ['used-files', 'Files used on wiki pages', 'used-media-file-count'],
      ['wikis', 'Wikis using the files', 'leveraging-wiki-count'],
      ['pages', 'Pages using the files', 'leveraging-page-count']];
    main.append(el('dl', { class: 'figures', 'data-figures': scope }, figureRows.map(
      ([id, label, field]) => el('div', { class: 'figure' }, el('dt', { text: label }),
        el('dd', { 'data-figure': id,
          'data-value': String(snap[scope === 'deep' ? field + '-deep' : field]) },
        fmtNumber(snap[scope === 'deep' ? field + '-deep' : field]),
        el('span', { text: scope === 'deep' ? 'with subcategories' : 'this category only' }))))));

    const viewMonths = months;
    const shallowBy = byMonth(viewsShallow.items, 'pageview-count');
    const deepBy = byMonth(viewsDeep.items, 'pageview-count');
    const viewRows = viewMonths.map((m) => ({ month: m,
      shallow: shallowBy[m] ?? null, deep: deepBy[m] ?? null }));
    const createdBy = byMonth(created.items, 'edit-count');
    const updatedBy = byMonth(updated.items, 'edit-count');
    const editRows = viewMonths.map((m) => ({ month: m,
      create: createdBy[m] ?? null, update: updatedBy[m] ?? null }));
    const wikiLabel = wiki === ALL_WIKIS ? 'all wikis' : wiki;

    main.append(el('div', { class: 'grid' },
      card(`Snapshot, ${fmtMonth(month)}`, 'snapshot', dataTable('snapshot',
        'Shallow counts only the files in the category itself; deep also counts the files of '
        + 'its subcategories.', [
          { key: 'figure', label: 'Figure' },
          { key: 'shallow', label: 'Shallow', numeric: true },
          { key: 'deep', label: 'Deep', numeric: true }],
        figureRows.map(([, label, field]) => ({ figure: label, shallow: snap[field],
          deep: snap[field + '-deep'] })))),
      card(`Page views per month, ${wikiLabel}`, 'pageviews',
        chart('pageviews', 'line', viewMonths.map(fmtMonth), [
          { label: 'Shallow', data: viewRows.map((r) => r.shallow) },
          { label: 'Deep', data: viewRows.map((r) => r.deep) }],
        `Page views per month of pages using the files, ${wikiLabel}.`),
        dataTable('pageviews', `Page views per month, ${wikiLabel}`, [
          { key: 'month', label: 'Month', format: fmtMonth },
          { key: 'shallow', label: 'Shallow', numeric: true },
          { key: 'deep', label: 'Deep', numeric: true }], viewRows)),
      card(`Edits per month (${scope})`, 'edits',
        chart('edits', 'bar', viewMonths.map(fmtMonth), [
          { label: 'Files created', data: editRows.map((r) => r.create) },
          { label: 'Files updated', data: editRows.map((r) => r.update) }],
        'Edits to the files per month: uploads and updates.'),
        dataTable('edits', `Edits per month (${scope})`, [
          { key: 'month', label: 'Month', format: fmtMonth },
          { key: 'create', label: 'Created', numeric: true },
          { key: 'update', label: 'Updated', numeric: true }], editRows)),
      card(`Top wikis, ${fmtMonth(month)}`, 'top-wikis', topWikis.items.length ? [
        chart('top-wikis', 'bar', topWikis.items.map((i) => i.wiki), [
          { label: 'Page views', data: topWikis.items.map((i) => i['pageview-count']) }],
        'Page views per wiki.'),
        dataTable('top-wikis', `Page views per wiki (${scope}), ${fmtMonth(month)}`,
          wikiColumns, topWikis.items)] : noneIn(month, 'page views')),
      card(`Most viewed files, ${wikiLabel}`, 'top-files', files.items.length
        ? dataTable('top-files', `Files by page views (${scope}, ${wikiLabel}), `
          + fmtMonth(month), fileColumns(month), files.items)
        : noneIn(month, 'file views')),
      card(`Top pages, ${wikiLabel}`, 'top-pages', pages.items.length
        ? dataTable('top-pages', `Pages using the files, by page views (${scope}, ${wikiLabel}), `
          + fmtMonth(month), pageColumns, pages.items)
        : noneIn(month, 'page views')),
      card('Top editors', 'top-editors', editors.items.length
        ? dataTable('top-editors', `Editors of the files (${scope}), ${fmtMonth(month)}`, [
          { key: 'rank', label: 'Rank', numeric: true },
          { key: 'user-name', label: 'Editor', format: fmtUser },
          { key: 'edit-count', label: 'Edits', numeric: true }], editors.items)
        : noneIn(month, 'edits'))));
  }

  // ------------------------------------------------------------------ file page

  async function filePage(name) {
    const snapshot = await api(`media-file-metrics-snapshot/${segment(name)}/${SERIES_START}/`
      + '21000101');
    main.replaceChildren(el('h1', {}, el('span', { text: 'File: ' }),
      el('span', { 'data-title': name, text: fmtTitle(name) })));
    if (snapshot.notLoaded) {
      main.append(message(`No data is loaded for the file “${fmtTitle(name)}”. File names are `
        + 'case-sensitive and include the extension (for example .jpg).', 'not-loaded'));
      return;
    }
    const months = monthsOf(snapshot.items);
    const month = askedMonth(months[months.length - 1]);
    const wiki = params.get('wiki') || ALL_WIKIS;
    const f = segment(name);
    main.append(el('p', { class: 'subtitle' }, el('a', {
      href: `https://commons.wikimedia.org/wiki/File:${encodeURIComponent(name)}` },
    'The file on Wikimedia Commons')));
    if (!months.includes(month)) {
      main.append(controls({}, selector('month', 'Month', monthOptions(months, month), month)),
        message(`Nothing is loaded for “${fmtTitle(name)}” in ${fmtMonth(month)} yet. Loaded `
          + 'months for this file: ' + months.map(fmtMonth).join(', ') + '.', 'not-loaded'));
      return;
    }
    const ym = yearMonth(month);
    const topWikis = await api(`top-wikis-per-media-file-monthly/${f}/${ym}`);
    const wikis = [ALL_WIKIS].concat(topWikis.items.map((i) => i.wiki));
    main.append(controls({}, selector('month', 'Month', monthOptions(months, month), month),
      selector('wiki', 'Wiki (top pages)', [...new Set(wikis.concat([wiki]))].map((x) =>
        [x, x === ALL_WIKIS ? 'All wikis' : x]), wiki)));
    const range = `${firstDay(months[0])}/${nextMonthDay(months[months.length - 1])}`;
    const [series, pages] = await Promise.all([
      Promise.all(wikis.map((x) => api(`pageviews-per-media-file-monthly/${f}/${segment(x)}/`
        + range))),
      api(`top-pages-per-media-file-monthly/${f}/${segment(wiki)}/${ym}`)]);
    const snap = snapshot.items.find((i) => monthOf(i.timestamp) === month);
    const rows = months.map((m) => {
      const row = { month: m };
      wikis.forEach((x, i) => { row[x] = byMonth(series[i].items, 'pageview-count')[m] ?? null; });
      return row;
    });
    const wikiLabel = wiki === ALL_WIKIS ? 'all wikis' : wiki;
    main.append(el('dl', { class: 'figures' },
      el('div', { class: 'figure' }, el('dt', { text: 'Wikis using the file' }),
        el('dd', { 'data-figure': 'wikis', 'data-value': String(snap['leveraging-wiki-count']) },
          fmtNumber(snap['leveraging-wiki-count']))),
      el('div', { class: 'figure' }, el('dt', { text: 'Pages using the file' }),
        el('dd', { 'data-figure': 'pages', 'data-value': String(snap['leveraging-page-count']) },
          fmtNumber(snap['leveraging-page-count'])))),
    el('div', { class: 'grid' },
      card('Page views per month', 'pageviews',
        chart('pageviews', 'line', months.map(fmtMonth), wikis.map((x) => ({
          label: x === ALL_WIKIS ? 'All wikis' : x, data: rows.map((r) => r[x]) })),
        'Page views per month of pages using the file, per wiki.'),
        dataTable('pageviews', 'Page views per month and wiki', [
          { key: 'month', label: 'Month', format: fmtMonth }].concat(wikis.map((x) => ({
          key: x, label: x === ALL_WIKIS ? 'All wikis' : x, numeric: true }))), rows)),
      card(`Top wikis, ${fmtMonth(month)}`, 'top-wikis', topWikis.items.length ? [
        chart('top-wikis', 'bar', topWikis.items.map((i) => i.wiki), [
          { label: 'Page views', data: topWikis.items.map((i) => i['pageview-count']) }],
        'Page views per wiki.'),
        dataTable('top-wikis', `Page views per wiki, ${fmtMonth(month)}`, wikiColumns,
          topWikis.items)] : noneIn(month, 'page views')),
      card(`Top pages, ${wikiLabel}`, 'top-pages', pages.items.length
        ? dataTable('top-pages', `Pages using the file, by page views (${wikiLabel}), `
          + fmtMonth(month), pageColumns, pages.items)
        : noneIn(month, 'page views'))));
  }

  // ------------------------------------------------------------------ search box

  function setUpSearch() {
    const input = document.getElementById('search');
    const list = document.getElementById('suggestions');
    let timer = null;
    let asked = 0;
    const prefixOf = (text) => {
      const t = normalizeTitle(text);
      return t ? t[0].toUpperCase() + t.slice(1) : '';
    };
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const prefix = prefixOf(input.value);
        const ticket = ++asked;
        if (!prefix) { list.replaceChildren(); return; }
        const query = new URLSearchParams({ prefix });
        if (searchMonth) query.set('month', searchMonth);
        try {
          const answer = await ui('/ui/categories?' + query);
          if (ticket !== asked) return;
          list.replaceChildren(...(answer.items.length ? answer.items.map((c) => el('li',
            { role: 'option' }, el('a', { href: `/category/${segment(c)}`
              + (answer.month ? `?month=${answer.month}` : '') }, fmtTitle(c))))
            : [el('li', { class: 'empty' }, 'No loaded category starts with that.')]));
        } catch (e) {
          list.replaceChildren(el('li', { class: 'empty' }, 'Suggestions are unavailable.'));
        }
      }, 120);
    });
    document.getElementById('search-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const first = list.querySelector('a');
      if (first) location.href = first.href;
      else if (prefixOf(input.value)) location.href = '/category/' + segment(prefixOf(input.value));
    });
  }

  // ------------------------------------------------------------------ start

  async function start() {
    setUpSearch();
    const path = location.pathname;
    const decode = (p) => normalizeTitle(decodeURIComponent(p));
    let state;
    try {
      if (path.startsWith('/category/')) {
        const title = decode(path.slice('/category/'.length));
        document.title = `${fmtTitle(title)} – Commons Impact Metrics`;
        await categoryPage(title);
      } else if (path.startsWith('/file/')) {
        const name = decode(path.slice('/file/'.length));
        document.title = `${fmtTitle(name)} – Commons Impact Metrics`;
        await filePage(name);
      } else {
        await overview();
      }
      state = 'ready';
    } catch (e) {
      main.append(message('The data could not be read from the server: ' + e.message
        + '. Try again in a moment.', 'error'));
      state = 'failed';
    }
    // Charts are drawn in the next animation frame: the page is ready after it.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    window.cimReadyMs = performance.now();
    document.body.dataset.state = state;
  }

  start();
}());
