// Every application health check and server probe with its latest result and a history bar of its recent results
// (GET /api/health/history over the time range, the newest 60 of each); stale ones (no result within their
// interval) are marked.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import { href } from '../state.js';
import { duration, durationMs, time } from '../format.js';
import { empty, pill, table } from './common.js';

/** How many results each row's bar shows at most (the API's limit per check). */
const HISTORY_CELLS = 60;

export async function render(container, state, { since }) {
  const [overview, history] = await Promise.all([
    api.get('health'),
    api.get('health/history', { since, limit: HISTORY_CELLS }),
  ]);
  const results = new Map(history.items.map((item) => [key(item), item.results]));
  const rows = overview.items.map((check) => h('tr', { 'data-check': check.latest.name },
    h('th', { scope: 'row' }, check.latest.name),
    h('td', null, check.latest.kind),
    h('td', null, check.latest.serviceName ? h('a', { href: href({ view: 'logs', since, service: check.latest.serviceName }) }, check.latest.serviceName) : '—'),
    h('td', null, pill(check.status, check.status), check.stale ? pill('stale', 'degraded') : null),
    h('td', null, historyBar(results.get(key(check.latest)) ?? [])),
    h('td', null, time(check.since)),
    h('td', null, time(check.latest.timestamp)),
    h('td', { class: 'num' }, duration(durationMs(check.latest.duration))),
    h('td', null, check.latest.description ?? '')));
  replace(container, h('h1', null, 'Health'),
    h('p', null, 'Overall: ', pill(overview.status, overview.status)),
    rows.length === 0 ? empty('No health checks or probes have reported.') : table(`${rows.length} checks and probes`, ['Check', 'Kind', 'Service', 'Status', 'History', 'Since', 'Last result', 'Took', 'Description'], rows));
  return null;
}

function key(item) {
  return JSON.stringify([item.kind, item.serviceName ?? null, item.name]);
}

/** One cell per result, oldest on the left; each cell's title (and label) is its time, status, duration and description. */
function historyBar(results) {
  if (results.length === 0) return h('span', { class: 'history-none' }, 'no results in range');
  const cells = [...results].reverse().map((r) => {
    const text = `${time(r.timestamp)} · ${r.status} · ${duration(durationMs(r.duration))}${r.description ? ` · ${r.description}` : ''}`;
    return h('li', { class: `history-cell history-${r.status}`, 'data-status': r.status, title: text, 'aria-label': text });
  });
  return h('ol', { class: 'history-bar', 'aria-label': `Last ${results.length} results, oldest first` }, cells);
}
