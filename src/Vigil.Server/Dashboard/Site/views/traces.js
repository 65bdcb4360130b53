// The traces list (filter by service, duration, errors) and one trace as a waterfall: span bars on the trace's time
// axis, nested by parent, coloured by service, errors marked; a span's attributes, events and links; the trace's logs.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import { href, withChanges } from '../state.js';
import { attributeText, duration, durationMs, level, serviceHue, serviceOf, time } from '../format.js';
import { empty, field, filterForm, pill, table } from './common.js';

export async function render(container, state, { since }) {
  const traceId = state.get('trace');
  return traceId ? renderTrace(container, state, traceId, since) : renderList(container, state, since);
}

async function renderList(container, state, since) {
  const query = { service: state.get('service'), minDuration: state.get('minDuration'), errors: state.get('errors') === '1' ? 'true' : null, since, limit: 100 };
  const page = await api.get('traces', query);
  const form = filterForm([
    field('Service', h('input', { name: 'service', value: query.service ?? '', maxlength: 512 })),
    field('Slower than', h('input', { name: 'minDuration', value: query.minDuration ?? '', placeholder: '250ms', maxlength: 32 })),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'errors', checked: query.errors === 'true' }), 'Only with errors'),
  ]);
  const rows = page.items.map((trace) => h('tr', { 'data-trace': trace.traceId },
    h('td', null, time(trace.startTime)),
    h('th', { scope: 'row' }, h('a', { href: withChanges({ trace: trace.traceId }) }, trace.rootSpanName ?? '(no root span)')),
    h('td', null, trace.serviceName ?? ''),
    h('td', { class: 'num' }, duration(durationMs(trace.duration))),
    h('td', { class: 'num' }, String(trace.spanCount)),
    h('td', null, trace.hasError ? pill('error', 'unhealthy') : pill('ok', 'healthy'))));
  replace(container, h('h1', null, 'Traces'), form,
    rows.length === 0 ? empty('No traces match.') : table(`${rows.length} traces, newest first`, ['Started', 'Root span', 'Service', 'Duration', 'Spans', 'Status'], rows));
  return null;
}

async function renderTrace(container, state, traceId, since) {
  const trace = await api.get(`traces/${encodeURIComponent(traceId)}`);
  const spans = trace.spans;
  const start = Math.min(...spans.map((s) => Date.parse(s.startTime)));
  const end = Math.max(...spans.map((s) => Date.parse(s.endTime)));
  const total = Math.max(end - start, 0.001);

  // Depth-first by parent, siblings by start time: a span's children sit under it. Orphans (parent not stored) are roots.
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map();
  for (const span of spans) {
    const parent = span.parentSpanId && ids.has(span.parentSpanId) ? span.parentSpanId : '';
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(span);
  }
  const ordered = [];
  const visit = (parent, depth) => {
    for (const span of (children.get(parent) ?? []).sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime))) {
      ordered.push({ span, depth });
      visit(span.spanId, depth + 1);
    }
  };
  visit('', 0);

  const selectedId = state.get('span');
  const rows = ordered.map(({ span, depth }) => {
    const service = serviceOf(span);
    const left = ((Date.parse(span.startTime) - start) / total) * 100;
    const width = Math.max((durationMs(span.duration) / total) * 100, 0.2);
    const failed = span.statusCode === 'error';
    return h('li', { class: `span${failed ? ' failed' : ''}`, 'data-span': span.spanId, 'data-depth': depth, 'data-service': service },
      h('a', { href: withChanges({ span: span.spanId }), 'aria-current': span.spanId === selectedId ? 'true' : null },
        h('span', { class: 'span-name', style: { 'padding-left': `${depth * 1.1}em` } }, failed ? '⚠ ' : '', span.name, h('span', { class: 'sub' }, ` ${service}`)),
        h('span', { class: 'track' }, h('span', { class: 'bar', title: `${service}: ${duration(durationMs(span.duration))}`, style: { left: `${left}%`, width: `${Math.min(width, 100 - left)}%`, '--hue': serviceHue(service) } })),
        h('span', { class: 'num' }, duration(durationMs(span.duration)))));
  });

  const selected = spans.find((s) => s.spanId === selectedId);
  const services = [...new Set(spans.map(serviceOf))];
  replace(container,
    h('p', null, h('a', { href: withChanges({ trace: null, span: null }) }, '← All traces')),
    h('h1', null, `Trace ${traceId}`),
    h('p', { class: 'summary' }, `${spans.length} spans, ${duration(total)}, `, services.map((s) => h('span', { class: 'legend', style: { '--hue': serviceHue(s) } }, s))),
    h('div', { class: 'split' },
      h('ol', { class: 'waterfall', 'aria-label': 'Spans by start time, nested by parent' }, rows),
      h('aside', { class: 'detail', 'aria-label': 'Selected span' }, selected ? spanDetail(selected) : empty('Select a span to see its attributes, events and links.'))),
    h('h2', null, `Logs of this trace (${trace.logs.length})`),
    trace.logs.length === 0 ? empty('No log records carry this trace id.') : h('ol', { class: 'log-list' }, trace.logs.map((record) => h('li', { class: `log lvl-${level(record.severityNumber)}` },
      h('a', { class: 'log-link', href: href({ view: 'logs', since, trace: traceId, seq: record.sequence }) },
        h('time', null, time(record.timestamp)), h('span', { class: 'lvl' }, level(record.severityNumber)), h('span', { class: 'svc' }, serviceOf(record)), h('span', { class: 'body' }, record.body ?? ''))))));
  return null;
}

function spanDetail(span) {
  const attributes = Object.entries(span.attributes ?? {});
  return [
    h('h2', null, span.name),
    h('dl', null,
      h('dt', null, 'Service'), h('dd', null, serviceOf(span)),
      h('dt', null, 'Kind'), h('dd', null, span.kind),
      h('dt', null, 'Status'), h('dd', null, span.statusCode, span.statusMessage ? `: ${span.statusMessage}` : ''),
      h('dt', null, 'Started'), h('dd', null, time(span.startTime)),
      h('dt', null, 'Duration'), h('dd', null, duration(durationMs(span.duration)))),
    h('h3', null, 'Attributes'),
    attributes.length === 0 ? empty('None.') : h('table', { class: 'attributes' }, h('tbody', null, attributes.map(([k, v]) => h('tr', null, h('th', { scope: 'row' }, k), h('td', null, attributeText(v)))))),
    h('h3', null, `Events (${span.events.length})`),
    span.events.length === 0 ? empty('None.') : h('ul', null, span.events.map((e) => h('li', null, `${time(e.timestamp)} ${e.name}`))),
    h('h3', null, `Links (${span.links.length})`),
    span.links.length === 0 ? empty('None.') : h('ul', null, span.links.map((l) => h('li', null, h('a', { href: withChanges({ trace: l.traceId, span: l.spanId }) }, `${l.traceId} / ${l.spanId}`)))),
  ];
}
