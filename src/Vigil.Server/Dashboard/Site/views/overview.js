// Each service over the chosen range: request rate, error rate and p95 of its server spans, open error groups,
// health, firing alerts, all computed by the server (GET /api/overview) from every record of the range. Every figure
// links to the view with the records behind it.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import { href } from '../state.js';
import { duration, durationMs } from '../format.js';
import { table, empty, pill } from './common.js';

export async function render(container, state, { since }) {
  const overview = await api.get('overview', { since });
  const rows = overview.services.map((s) => {
    const traceLink = (extra) => href({ view: 'traces', since, service: s.serviceName, ...extra });
    return h('tr', { 'data-service': s.serviceName },
      h('th', { scope: 'row' }, h('a', { href: href({ view: 'logs', since, service: s.serviceName }) }, s.serviceName || '(no service.name)')),
      h('td', { class: 'num', 'data-figure': 'requests' }, h('a', { href: traceLink({}) }, `${(s.requestRate * 60).toFixed(2)}/min`), h('span', { class: 'sub' }, ` (${s.requests})`)),
      h('td', { class: 'num', 'data-figure': 'error-rate' }, h('a', { href: traceLink({ errors: '1' }) }, s.errorRate === null ? '—' : `${(100 * s.errorRate).toFixed(1)}%`), h('span', { class: 'sub' }, ` (${s.failedRequests})`)),
      h('td', { class: 'num', 'data-figure': 'p95' }, h('a', { href: traceLink({}) }, s.p95 === null ? '—' : duration(durationMs(s.p95)))),
      h('td', { class: 'num', 'data-figure': 'errors' }, h('a', { href: href({ view: 'errors', since, service: s.serviceName, status: 'unresolved' }) }, String(s.openErrorGroups))),
      h('td', { 'data-figure': 'health' }, s.health ? h('a', { href: href({ view: 'health' }) }, pill(s.health, s.health)) : '—'),
      h('td', { class: 'num', 'data-figure': 'alerts' }, h('a', { href: href({ view: 'alerts' }) }, String(s.firingAlerts))));
  });

  replace(container,
    h('h1', null, 'Overview'),
    rows.length === 0
      ? empty('Nothing recorded in this range yet. Send telemetry over OTLP, or run vigil demo.')
      : table(`Services, last ${since}`, ['Service', 'Requests', 'Error rate', 'p95', 'Open errors', 'Health', 'Firing alerts'], rows),
    h('p', { class: 'note' }, 'Requests, error rate and p95 are over every server span of the range (span kind server), computed by the store.'));
  return null;
}
