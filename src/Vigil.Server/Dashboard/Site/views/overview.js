// Each service over the chosen range: request rate, error rate and p95 from its traces (by root service), open
// error groups, health, firing alerts. Every figure links to the view with the records behind it.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import { href } from '../state.js';
import { durationMs, duration, percentile, rangeSeconds } from '../format.js';
import { table, empty, pill } from './common.js';

/** The most traces one overview reads; when a range holds more, the figures say they are from the newest this many. */
export const traceSample = 1000;

export async function render(container, state, { since }) {
  const [traces, errors, health, alerts] = await Promise.all([
    api.get('traces', { since, limit: traceSample }),
    api.get('errors', { since, status: 'unresolved', limit: 10000 }),
    api.get('health'),
    api.get('alerts'),
  ]);

  const services = new Map();
  const service = (name) => {
    if (!services.has(name)) services.set(name, { name, durations: [], failed: 0, errors: 0, health: [], firing: 0 });
    return services.get(name);
  };
  for (const trace of traces.items) {
    const s = service(trace.serviceName ?? '');
    s.durations.push(durationMs(trace.duration));
    if (trace.hasError) s.failed += 1;
  }
  for (const group of errors.items) for (const name of group.services) service(name).errors += 1;
  for (const check of health.items) if (check.latest.serviceName) service(check.latest.serviceName).health.push(check);
  for (const alert of alerts.items) if (alert.state === 'firing' && alert.labels.service) service(alert.labels.service).firing += 1;

  const seconds = rangeSeconds(since);
  const capped = traces.items.length >= traceSample;
  const rows = [...services.values()].sort((a, b) => a.name.localeCompare(b.name)).map((s) => {
    const count = s.durations.length;
    const worst = worstHealth(s.health);
    const traceLink = (extra) => href({ view: 'traces', since, service: s.name, ...extra });
    return h('tr', { 'data-service': s.name },
      h('th', { scope: 'row' }, h('a', { href: href({ view: 'logs', since, service: s.name }) }, s.name || '(no service.name)')),
      h('td', { class: 'num', 'data-figure': 'requests' }, h('a', { href: traceLink({}) }, `${(count / (seconds / 60)).toFixed(2)}/min`), h('span', { class: 'sub' }, ` (${count})`)),
      h('td', { class: 'num', 'data-figure': 'error-rate' }, h('a', { href: traceLink({ errors: '1' }) }, count ? `${((100 * s.failed) / count).toFixed(1)}%` : '—'), h('span', { class: 'sub' }, ` (${s.failed})`)),
      h('td', { class: 'num', 'data-figure': 'p95' }, h('a', { href: traceLink({}) }, duration(percentile(s.durations, 95)))),
      h('td', { class: 'num', 'data-figure': 'errors' }, h('a', { href: href({ view: 'errors', since, service: s.name, status: 'unresolved' }) }, String(s.errors))),
      h('td', { 'data-figure': 'health' }, worst ? h('a', { href: href({ view: 'health' }) }, pill(worst, worst)) : '—'),
      h('td', { class: 'num', 'data-figure': 'alerts' }, h('a', { href: href({ view: 'alerts' }) }, String(s.firing))));
  });

  replace(container,
    h('h1', null, 'Overview'),
    rows.length === 0
      ? empty('Nothing recorded in this range yet. Send telemetry over OTLP, or run vigil demo.')
      : table(`Services, last ${since}`, ['Service', 'Requests', 'Error rate', 'p95', 'Open errors', 'Health', 'Firing alerts'], rows),
    capped ? h('p', { class: 'note' }, `Rates and p95 are from the newest ${traceSample} traces of the range.`) : null,
    h('p', { class: 'note' }, 'Requests, error rate and p95 count each trace once, under the service of its root span.'));
  return null;
}

function worstHealth(checks) {
  const order = ['healthy', 'degraded', 'unhealthy'];
  let worst = null;
  for (const check of checks) if (worst === null || order.indexOf(check.status) > order.indexOf(worst)) worst = check.status;
  return worst;
}
