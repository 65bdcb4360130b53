// Error groups (newest activity first) with a sparkline of their hourly counts, and one group's detail: stack,
// latest events with their traces, releases, and the CLI's actions (resolve, ignore, reopen).
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import { href, withChanges } from '../state.js';
import { time } from '../format.js';
import { empty, field, filterForm, pill, select, table } from './common.js';

const statuses = [['', 'any'], ['unresolved', 'unresolved'], ['resolved', 'resolved'], ['ignored', 'ignored']];

export async function render(container, state, { since }) {
  const id = state.get('id');
  return id ? renderGroup(container, id, since) : renderList(container, state, since);
}

async function renderList(container, state, since) {
  const query = { service: state.get('service'), status: state.get('status'), since, limit: 200 };
  const page = await api.get('errors', query);
  const rows = page.items.map((group) => h('tr', { 'data-group': group.id },
    h('th', { scope: 'row' }, h('a', { href: withChanges({ id: group.id }) }, group.type), h('div', { class: 'sub' }, group.message ?? '')),
    h('td', null, group.services.join(', ')),
    h('td', { class: 'num', 'data-figure': 'count' }, String(group.count)),
    h('td', null, time(group.lastSeen)),
    h('td', null, pill(group.severity, group.severity)),
    h('td', null, pill(group.status, group.status), group.isRegression ? pill('regression', 'unhealthy') : null)));
  replace(container, h('h1', null, 'Errors'),
    filterForm([
      field('Service', h('input', { name: 'service', value: query.service ?? '', maxlength: 512 })),
      field('Status', select('status', query.status, statuses)),
    ]),
    rows.length === 0 ? empty('No error groups match.') : table(`${rows.length} error groups, newest activity first`, ['Error', 'Services', 'Events', 'Last seen', 'Severity', 'Status'], rows));
  return null;
}

async function renderGroup(container, id, since) {
  const detail = await api.get(`errors/${encodeURIComponent(id)}`);
  const group = detail.group;
  const message = h('p', { class: 'status-note', role: 'status' });
  const act = (status) => h('button', { type: 'button', 'data-action': status, disabled: group.status === status, onclick: async () => {
    try {
      await api.post(`errors/${group.id}/status`, { status });
      await renderGroup(container, String(group.id), since);
    } catch (error) { message.textContent = error.message; }
  } }, { resolved: 'Resolve', ignored: 'Ignore', unresolved: 'Reopen' }[status]);
  replace(container,
    h('p', null, h('a', { href: withChanges({ id: null }) }, '← All errors')),
    h('h1', null, group.type),
    h('p', { class: 'message' }, group.message ?? ''),
    h('p', null, pill(group.status, group.status), ' ', pill(group.severity, group.severity), ` ${group.count} events · first ${time(group.firstSeen)} · last ${time(group.lastSeen)}`),
    h('div', { class: 'actions' }, act('resolved'), act('ignored'), act('unresolved')), message,
    sparkline(detail.hourlyCounts),
    h('dl', null,
      h('dt', null, 'Culprit'), h('dd', null, group.culprit ?? '—'),
      h('dt', null, 'Services'), h('dd', null, group.services.join(', ')),
      h('dt', null, 'Releases'), h('dd', null, group.releases.join(', ') || '—')),
    group.stackTrace ? [h('h2', null, 'Stack'), h('pre', { class: 'stack' }, group.stackTrace)] : null,
    h('h2', null, `Latest events (${detail.latestEvents.length})`),
    detail.latestEvents.length === 0 ? empty('None kept.') : table('Latest events', ['Time', 'Service', 'Release', 'Message', 'Trace'], detail.latestEvents.map((e) => h('tr', null,
      h('td', null, time(e.timestamp)), h('td', null, e.serviceName ?? ''), h('td', null, e.release ?? ''), h('td', null, e.message ?? ''),
      h('td', null, e.traceId ? h('a', { href: href({ view: 'traces', since, trace: e.traceId, span: e.spanId }) }, e.traceId.slice(0, 8)) : '—')))));
  return null;
}

/** Hourly counts as bars; the counts are also the bars' labels, for screen readers. */
function sparkline(counts) {
  if (!counts.length) return null;
  const max = Math.max(...counts.map((c) => c.count), 1);
  return h('ol', { class: 'sparkline', 'aria-label': 'Events per hour' }, counts.map((c) => h('li', { title: `${time(c.hour)}: ${c.count}`, 'aria-label': `${time(c.hour)}: ${c.count}`, style: { height: `${Math.max(4, (100 * c.count) / max)}%` } })));
}
