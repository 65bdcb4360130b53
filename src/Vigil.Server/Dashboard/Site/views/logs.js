// Log records, newest stored first, a page of the server's at a time (never the whole store): text search, filters
// by service, level, time and attribute (click a value to filter by it), a live tail over server-sent events
// (/api/logs/tail), and a record's detail with a link to its trace. The list is virtualised: however many records
// are loaded, only the rows in view (and a few either side) are in the page, so a million scroll like a hundred.
// ?mode=patterns shows the same filters' records grouped by message instead (log-patterns.js).
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import { href, navigate, withChanges } from '../state.js';
import { attributeText, level, serviceOf, time } from '../format.js';
import { field, filterForm, select, empty } from './common.js';
import { VirtualList } from './virtual-list.js';
import * as patterns from './log-patterns.js';

/** Records per page from the server. */
export const pageSize = 200;

/** The most records kept in the browser; past it the oldest are dropped (they stay in the store, a scroll away). */
const maxLoaded = 200000;

/** The first page's cursor: below every sequence, so every page is "before" one and none is skipped or repeated. */
const newest = '9223372036854775807';

const levels = [['', 'any'], ['trace', 'trace'], ['debug', 'debug'], ['info', 'info'], ['warn', 'warn'], ['error', 'error'], ['fatal', 'fatal']];

function filters(state, since) {
  return {
    service: state.get('service'),
    level: state.get('level'),
    grep: state.get('grep'),
    trace: state.get('trace'),
    where: state.getAll('where'),
    since,
  };
}

/** The link between the two modes: records one by one, or grouped into patterns. */
function modeSwitch(state) {
  const patternsMode = state.get('mode') === 'patterns';
  return h('nav', { class: 'modes', 'aria-label': 'Logs mode' },
    h('a', { href: withChanges({ mode: null, seq: null }), 'aria-current': patternsMode ? null : 'page' }, 'Records'),
    h('a', { href: withChanges({ mode: 'patterns', seq: null, live: null, trace: null }), 'aria-current': patternsMode ? 'page' : null }, 'Patterns'));
}

export async function render(container, state, { since }) {
  if (state.get('mode') === 'patterns') return patterns.render(container, state, { since, levels, modeSwitch: modeSwitch(state) });
  const query = filters(state, since);
  const detail = h('aside', { class: 'detail', 'aria-label': 'Selected record' });
  const more = h('button', { type: 'button', class: 'more' }, 'Older records');
  const count = h('p', { class: 'count', 'aria-live': 'polite' });
  const records = [];
  const bySequence = new Map();
  let cursor = newest;
  let newestSequence = 0;
  let loading = null;
  let selected = state.get('seq');

  const live = state.get('live') === '1';
  const form = filterForm([
    field('Search', h('input', { type: 'search', name: 'grep', value: query.grep ?? '', placeholder: 'words in the message', maxlength: 1024 })),
    field('Service', h('input', { name: 'service', value: query.service ?? '', maxlength: 512 })),
    field('Level', select('level', query.level, levels)),
    field('Attribute', h('input', { name: 'add-where', placeholder: 'key=value', maxlength: 1024 })),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'live', checked: live }), 'Live tail'),
  ], { seq: null }, (values) => {
    // "add-where" adds to the repeated where= parameters instead of being one itself.
    const { 'add-where': added, ...rest } = values;
    return { ...rest, where: added ? [...query.where, added] : query.where };
  });

  const chips = h('ul', { class: 'chips', 'aria-label': 'Active filters' },
    query.where.map((w, i) => h('li', null, h('a', { href: withChanges({ where: query.where.filter((_, j) => j !== i), seq: null }), 'aria-label': `Remove filter ${w}` }, `${w} ✕`))),
    query.trace ? h('li', null, h('a', { href: withChanges({ trace: null, seq: null }) }, `trace ${query.trace.slice(0, 8)} ✕`)) : null);

  const row = (record) => {
    const lvl = level(record.severityNumber);
    const link = h('a', { class: 'log-link', href: withChanges({ seq: record.sequence }) },
      h('time', { datetime: record.timestamp }, time(record.timestamp)),
      h('span', { class: `lvl lvl-${lvl}` }, lvl),
      h('span', { class: 'svc' }, serviceOf(record)),
      h('span', { class: 'body' }, record.body ?? ''));
    if (String(record.sequence) === selected) link.setAttribute('aria-current', 'true');
    return h('li', { class: `log lvl-${lvl}`, 'data-sequence': record.sequence }, link);
  };

  const list = new VirtualList({ label: 'Log records, newest first', items: records, row, onNearEnd: () => loadOlder() });
  replace(container, h('h1', null, 'Logs'), modeSwitch(state), form, chips, count, h('div', { class: 'split' }, h('div', { class: 'list-pane' }, list.element, more), detail));

  const exhausted = () => cursor === null;
  const updateCount = () => {
    count.textContent = `${records.length} record${records.length === 1 ? '' : 's'} loaded${exhausted() ? '' : ' (more on scroll)'}`;
    list.element.dataset.loaded = String(records.length);
    more.hidden = exhausted();
  };

  async function loadOlder() {
    if (exhausted() || loading) return loading;
    loading = (async () => {
      // before= pages back by arrival with no gap and no repeat; next is the cursor of the page after this one.
      const page = await api.get('logs', { ...query, limit: pageSize, before: cursor });
      for (const record of page.items.reverse()) {
        if (bySequence.has(String(record.sequence))) continue;
        bySequence.set(String(record.sequence), record);
        records.push(record);
        newestSequence = Math.max(newestSequence, record.sequence);
      }
      cursor = page.next;
      if (records.length > maxLoaded) trimOldest();
      list.refresh();
      updateCount();
      if (records.length === 0) list.showEmpty('No records match.');
    })();
    try { await loading; } finally { loading = null; }
    return null;
  }

  function trimOldest() {
    const dropped = records.splice(maxLoaded);
    for (const record of dropped) bySequence.delete(String(record.sequence));
    cursor = String(records.at(-1).sequence);
  }

  more.addEventListener('click', () => loadOlder());
  await loadOlder();

  const showDetail = (sequence) => {
    selected = sequence;
    const record = sequence ? bySequence.get(sequence) : null;
    list.refresh();
    if (!record) { replace(detail, sequence ? empty(`Record ${sequence} is not among those loaded.`) : null); return; }
    list.reveal(records.indexOf(record));
    const attributes = Object.entries(record.attributes ?? {});
    replace(detail,
      h('h2', null, `Record ${record.sequence}`),
      h('p', { class: 'body-full' }, record.body ?? ''),
      h('dl', null,
        h('dt', null, 'Time'), h('dd', null, time(record.timestamp)),
        h('dt', null, 'Level'), h('dd', null, `${level(record.severityNumber)} (${record.severityText ?? record.severityNumber})`),
        h('dt', null, 'Service'), h('dd', null, h('a', { href: withChanges({ service: serviceOf(record), seq: null }) }, serviceOf(record))),
        record.traceId ? [h('dt', null, 'Trace'), h('dd', null, h('a', { class: 'trace-link', href: href({ view: 'traces', since, trace: record.traceId, span: record.spanId }) }, record.traceId))] : null,
        record.exceptionType ? [h('dt', null, 'Exception'), h('dd', null, `${record.exceptionType}: ${record.exceptionMessage ?? ''}`)] : null),
      record.exceptionStackTrace ? h('pre', { class: 'stack' }, record.exceptionStackTrace) : null,
      h('h3', null, 'Attributes'),
      attributes.length === 0 ? empty('None.') : h('table', { class: 'attributes' }, h('tbody', null, attributes.map(([key, value]) => h('tr', null,
        h('th', { scope: 'row' }, key),
        h('td', null, h('a', { class: 'filter-value', href: withChanges({ where: [...query.where, `${key}=${attributeText(value)}`], seq: null }), title: 'Show only records with this value' }, attributeText(value))))))));
  };
  showDetail(selected);

  // j / k select the next older / newer record (the list scrolls to it), as in a mail reader.
  const onKey = (event) => {
    const target = event.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key !== 'j' && event.key !== 'k') return;
    const at = selected ? records.findIndex((r) => String(r.sequence) === selected) : -1;
    const next = records[Math.min(records.length - 1, Math.max(0, at + (event.key === 'j' ? 1 : -1)))];
    if (next) navigate(withChanges({ seq: next.sequence }), { replace: true });
  };
  document.addEventListener('keydown', onKey);

  let source = null;
  if (live) {
    const tail = { ...query, since: undefined, after: newestSequence || undefined };
    source = new EventSource(`/api/logs/tail${api.query(tail)}`);
    source.addEventListener('logs', (event) => {
      const page = JSON.parse(event.data);
      const added = [];
      for (const record of page.items) {
        if (bySequence.has(String(record.sequence))) continue;
        bySequence.set(String(record.sequence), record);
        added.push(record);
      }
      if (added.length === 0) return;
      records.unshift(...added.reverse());
      if (records.length > maxLoaded) trimOldest();
      list.prepended(added.length);
      updateCount();
    });
  }

  return {
    // Selecting a record changes only the detail: the list, its scroll and the tail stay.
    update(next, previous) {
      const changed = new Set([...next.keys(), ...previous.keys()].filter((k) => String(next.getAll(k)) !== String(previous.getAll(k))));
      if (changed.size === 1 && changed.has('seq')) { showDetail(next.get('seq')); return true; }
      return false;
    },
    stop() { list.stop(); source?.close(); document.removeEventListener('keydown', onKey); },
  };
}
