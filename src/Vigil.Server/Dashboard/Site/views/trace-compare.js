// Two traces side by side ("same operation, slow against fast"): both waterfalls on one time scale, each from its own
// start, and the time each operation (service + span name) took in A and in B, largest difference in self time first.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import { href, withChanges } from '../state.js';
import { duration, durationMs, serviceOf, time } from '../format.js';
import { empty, pill, table } from './common.js';
import { childrenOf, extent, legend, spanEnd, spanStart, spanTree, waterfall } from './waterfall.js';

export async function renderCompare(container, state, since) {
  const ids = { a: state.get('a') ?? '', b: state.get('b') ?? '' };
  const [a, b] = await Promise.all([load(ids.a), load(ids.b)]);
  const back = h('p', null, h('a', { href: withChanges({ a: null, b: null }) }, '← All traces'));
  if (a.problem || b.problem) {
    replace(container, back, h('h1', null, 'Compare traces'),
      [['A', ids.a, a], ['B', ids.b, b]].map(([side, id, loaded]) => loaded.problem
        ? h('p', { class: 'error', role: 'alert', 'data-missing': side.toLowerCase() }, `Trace ${side}: ${loaded.problem}`)
        : h('p', null, `Trace ${side}: `, h('a', { href: href({ view: 'traces', since, trace: id }) }, id), ` (${loaded.trace.spans.length} spans)`)));
    return null;
  }

  const operations = compareOperations(a.trace.spans, b.trace.spans);
  const keys = { a: new Set(operations.filter((o) => o.a.count > 0).map((o) => o.key)), b: new Set(operations.filter((o) => o.b.count > 0).map((o) => o.key)) };
  const scale = Math.max(extent(a.trace.spans).total, extent(b.trace.spans).total);
  const side = (name, id, spans, other) => {
    const root = spanTree(spans)[0].span;
    const { start, total } = extent(spans);
    return h('section', { class: 'compare-side', 'data-side': name, 'aria-label': `Trace ${name.toUpperCase()}` },
      h('h2', null, `${name.toUpperCase()}: ${root.name}`, h('span', { class: 'sub' }, ` ${serviceOf(root)}`)),
      h('p', { class: 'summary' }, h('span', { 'data-span-count': spans.length }, `${spans.length} spans`), `, ${duration(total)}, started ${time(new Date(start).toISOString())}, `,
        h('a', { href: href({ view: 'traces', since, trace: id }) }, id), ' ', legend(spans)),
      waterfall(spans, {
        scale,
        spanHref: (span) => href({ view: 'traces', since, trace: id, span: span.spanId }),
        mark: (span) => (other.has(operationKey(span)) ? null : [' ', pill(`only in ${name.toUpperCase()}`, 'medium')]),
        label: `Trace ${name.toUpperCase()}'s spans by start time, nested by parent`,
      }));
  };

  const rows = operations.map((o) => h('tr', { 'data-service': o.service, 'data-name': o.name },
    h('th', { scope: 'row' }, o.name, o.a.count === 0 ? [' ', pill('only in B', 'medium')] : null, o.b.count === 0 ? [' ', pill('only in A', 'medium')] : null),
    h('td', null, o.service),
    cells(o.a), cells(o.b),
    delta(o.b.total - o.a.total, 'total'), delta(o.b.self - o.a.self, 'self')));
  replace(container, back,
    h('h1', null, 'Compare traces'),
    h('p', { class: 'actions' }, h('a', { href: withChanges({ a: ids.b, b: ids.a }) }, 'Swap A and B'),
      h('span', { class: 'sub' }, `Both waterfalls on one scale of ${duration(scale)}, each from its own start.`)),
    side('a', ids.a, a.trace.spans, keys.b),
    side('b', ids.b, b.trace.spans, keys.a),
    h('h2', null, 'Time by operation'),
    operations.length === 0 ? empty('No spans.') : h('div', { class: 'table-scroll' }, table(
      `${operations.length} operations (service and span name); Δ is B − A, largest difference in self time first. Self time is a span's duration less the time its children ran.`,
      ['Operation', 'Service', 'A spans', 'A total', 'A self', 'B spans', 'B total', 'B self', 'Δ total', 'Δ self'], rows)));
  return null;
}

/** { trace } or { problem }: a missing trace is a sentence for the view, not an exception. */
async function load(id) {
  if (!id) return { problem: 'no trace id given (the address needs both a= and b=).' };
  try {
    return { trace: await api.get(`traces/${encodeURIComponent(id)}`) };
  } catch (error) {
    if (error.status === 404) return { problem: `no trace with id ${id} is stored (it may be older than the store keeps, or mistyped).` };
    if (error.status === 400) return { problem: `${id} is not a trace id (32 hex digits).` };
    return { problem: `could not load trace ${id}. ${error.message}` };
  }
}

function operationKey(span) {
  return `${serviceOf(span)}\u0000${span.name}`;
}

/** A span's duration less the union of its children's time inside it, in ms. */
function selfTime(span, children) {
  const start = spanStart(span);
  const end = spanEnd(span);
  const parts = (children.get(span.spanId) ?? []).map((c) => [Math.max(spanStart(c), start), Math.min(spanEnd(c), end)]).filter(([s, e]) => e > s).sort((x, y) => x[0] - y[0]);
  let covered = 0;
  let reach = start;
  for (const [s, e] of parts) {
    if (e <= reach) continue;
    covered += e - Math.max(s, reach);
    reach = e;
  }
  return Math.max(durationMs(span.duration) - covered, 0);
}

/** Per operation: count, total and self time in each trace; sorted by |Δ self|, then |Δ total|, then name. */
function compareOperations(spansA, spansB) {
  const byKey = new Map();
  const add = (spans, sideName) => {
    const children = childrenOf(spans);
    for (const span of spans) {
      const key = operationKey(span);
      if (!byKey.has(key)) byKey.set(key, { key, service: serviceOf(span), name: span.name, a: { count: 0, total: 0, self: 0 }, b: { count: 0, total: 0, self: 0 } });
      const side = byKey.get(key)[sideName];
      side.count += 1;
      side.total += durationMs(span.duration);
      side.self += selfTime(span, children);
    }
  };
  add(spansA, 'a');
  add(spansB, 'b');
  const size = (o, field) => Math.abs(o.b[field] - o.a[field]);
  return [...byKey.values()].sort((x, y) => size(y, 'self') - size(x, 'self') || size(y, 'total') - size(x, 'total') || x.name.localeCompare(y.name));
}

function ms(value) {
  return String(Math.round(value * 10000) / 10000);
}

function cells(side) {
  return [
    h('td', { class: 'num', 'data-count': side.count }, String(side.count)),
    h('td', { class: 'num', 'data-ms': ms(side.total), 'data-field': 'total' }, side.count ? duration(side.total) : '—'),
    h('td', { class: 'num', 'data-ms': ms(side.self), 'data-field': 'self' }, side.count ? duration(side.self) : '—'),
  ];
}

function delta(value, field) {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  return h('td', { class: `num delta${value > 0 ? ' slower' : value < 0 ? ' faster' : ''}`, 'data-ms': ms(value), 'data-field': `delta-${field}` }, `${sign}${duration(Math.abs(value))}`);
}
