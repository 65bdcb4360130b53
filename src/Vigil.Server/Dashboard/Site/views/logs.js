// Log records, newest first, a page of the server's at a time (never the whole store): text search, filters by
// service, level, time and attribute (click a value to filter by it), a live tail over server-sent events
// (/api/logs/tail), and a record's detail with a link to its trace.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import { href, navigate, withChanges } from '../state.js';
import { attributeText, level, serviceOf, time } from '../format.js';
import { field, filterForm, select, empty } from './common.js';

/** Records per page from the server. */
export const pageSize = 100;

/** The most rows the live tail keeps on screen; older ones fall off the bottom (they stay in the store). */
const maxLiveRows = 2000;

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

export async function render(container, state, { since }) {
  const query = filters(state, since);
  const list = h('ol', { class: 'log-list', 'aria-label': 'Log records, newest first' });
  const detail = h('aside', { class: 'detail', 'aria-label': 'Selected record' });
  const more = h('button', { type: 'button', class: 'more' }, 'Older records');
  const count = h('p', { class: 'count', 'aria-live': 'polite' });
  const records = new Map();
  let oldest = null;
  let newestSequence = 0;
  let exhausted = false;
  let loading = null;

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

  replace(container, h('h1', null, 'Logs'), form, chips, count, h('div', { class: 'split' }, h('div', { class: 'list-pane' }, list, more), detail));

  const row = (record) => {
    records.set(String(record.sequence), record);
    const lvl = level(record.severityNumber);
    return h('li', { class: `log lvl-${lvl}`, 'data-sequence': record.sequence },
      h('a', { class: 'log-link', href: withChanges({ seq: record.sequence }) },
        h('time', { datetime: record.timestamp }, time(record.timestamp)),
        h('span', { class: `lvl lvl-${lvl}` }, lvl),
        h('span', { class: 'svc' }, serviceOf(record)),
        h('span', { class: 'body' }, record.body ?? '')));
  };

  const updateCount = () => { count.textContent = `${records.size} record${records.size === 1 ? '' : 's'} shown${exhausted ? '' : ' (more on scroll)'}`; };

  const loadOlder = async () => {
    if (exhausted || loading) return loading;
    loading = (async () => {
      // Without a cursor the API gives the newest matches; "until" the oldest shown pages back in time.
      const page = await api.get('logs', { ...query, limit: pageSize, until: oldest ?? undefined });
      const items = page.items.filter((r) => !records.has(String(r.sequence))).reverse();
      for (const record of items) list.append(row(record));
      if (page.items.length > 0) {
        oldest = page.items[0].timestamp;
        newestSequence = Math.max(newestSequence, ...page.items.map((r) => r.sequence));
      }
      exhausted = page.items.length < pageSize;
      more.hidden = exhausted;
      updateCount();
      if (records.size === 0) replace(list, h('li', { class: 'empty' }, 'No records match.'));
    })();
    try { await loading; } finally { loading = null; }
    return null;
  };

  more.addEventListener('click', loadOlder);
  const observer = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) loadOlder(); });
  await loadOlder();
  observer.observe(more);

  const showDetail = (sequence) => {
    const record = sequence ? records.get(sequence) : null;
    for (const selected of list.querySelectorAll('[aria-current]')) selected.removeAttribute('aria-current');
    if (!record) { replace(detail, sequence ? empty(`Record ${sequence} is not among those shown.`) : null); return; }
    list.querySelector(`[data-sequence="${CSS.escape(sequence)}"] a`)?.setAttribute('aria-current', 'true');
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
  showDetail(state.get('seq'));

  let source = null;
  if (live) {
    const tail = { ...query, since: undefined, after: newestSequence };
    source = new EventSource(`/api/logs/tail${api.query(tail)}`);
    source.addEventListener('logs', (event) => {
      const page = JSON.parse(event.data);
      if (records.size === 0) list.replaceChildren();
      for (const record of page.items) {
        if (!records.has(String(record.sequence))) list.prepend(row(record));
      }
      while (list.children.length > maxLiveRows) {
        const last = list.lastElementChild;
        records.delete(last.dataset.sequence);
        last.remove();
      }
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
    stop() { observer.disconnect(); source?.close(); },
  };
}
