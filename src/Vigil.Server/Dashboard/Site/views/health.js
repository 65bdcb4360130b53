// Every application health check and server probe with its latest result; stale ones (no result within their
// interval) are marked. The store keeps each check's state, not its history, so there is no history bar yet.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import { href } from '../state.js';
import { duration, durationMs, time } from '../format.js';
import { empty, pill, table } from './common.js';

export async function render(container, state, { since }) {
  const overview = await api.get('health');
  const rows = overview.items.map((check) => h('tr', { 'data-check': check.latest.name },
    h('th', { scope: 'row' }, check.latest.name),
    h('td', null, check.latest.kind),
    h('td', null, check.latest.serviceName ? h('a', { href: href({ view: 'logs', since, service: check.latest.serviceName }) }, check.latest.serviceName) : '—'),
    h('td', null, pill(check.status, check.status), check.stale ? pill('stale', 'degraded') : null),
    h('td', null, time(check.since)),
    h('td', null, time(check.latest.timestamp)),
    h('td', { class: 'num' }, duration(durationMs(check.latest.duration))),
    h('td', null, check.latest.description ?? '')));
  replace(container, h('h1', null, 'Health'),
    h('p', null, 'Overall: ', pill(overview.status, overview.status)),
    rows.length === 0 ? empty('No health checks or probes have reported.') : table(`${rows.length} checks and probes`, ['Check', 'Kind', 'Service', 'Status', 'Since', 'Last result', 'Took', 'Description'], rows));
  return null;
}
