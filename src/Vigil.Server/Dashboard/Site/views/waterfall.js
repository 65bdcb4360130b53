// One trace's spans as a waterfall: bars on a time axis from the trace's own start, nested by parent (a span whose
// parent is not stored is a root), coloured by service, failed spans marked. The trace view and the compare view
// both draw it.
import { h } from '../dom.js';
import { duration, durationMs, serviceHue, serviceOf } from '../format.js';

/** Start of a span in ms since the epoch, and its end (start + its duration). */
export function spanStart(span) {
  return Date.parse(span.startTime);
}

export function spanEnd(span) {
  return spanStart(span) + durationMs(span.duration);
}

/** The first start and last end of a trace's spans, and its length in ms (never 0, so it can divide). */
export function extent(spans) {
  const start = Math.min(...spans.map(spanStart));
  const end = Math.max(...spans.map((s) => Date.parse(s.endTime)));
  return { start, end, total: Math.max(end - start, 0.001) };
}

/** Each span id's stored children; the roots (no parent, or a parent not stored) under ''. */
export function childrenOf(spans) {
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map();
  for (const span of spans) {
    const parent = span.parentSpanId && ids.has(span.parentSpanId) ? span.parentSpanId : '';
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(span);
  }
  return children;
}

/** Depth-first by parent, siblings by start time: a span's children sit under it. [{ span, depth }]. */
export function spanTree(spans) {
  const children = childrenOf(spans);
  const ordered = [];
  const visit = (parent, depth) => {
    for (const span of (children.get(parent) ?? []).sort((a, b) => spanStart(a) - spanStart(b))) {
      ordered.push({ span, depth });
      visit(span.spanId, depth + 1);
    }
  };
  visit('', 0);
  return ordered;
}

/**
 * The waterfall list. scale: the ms the track's width stands for (the trace's own length by default; the compare
 * view gives both traces the longer one's). spanHref(span): each row's link. mark(span): extra text after the name.
 */
export function waterfall(spans, { scale, selectedId = null, spanHref, mark = () => null, label = 'Spans by start time, nested by parent' }) {
  const { start, total } = extent(spans);
  const width100 = scale ?? total;
  const rows = spanTree(spans).map(({ span, depth }) => {
    const service = serviceOf(span);
    const left = ((spanStart(span) - start) / width100) * 100;
    const width = Math.max((durationMs(span.duration) / width100) * 100, 0.2);
    const failed = span.statusCode === 'error';
    return h('li', { class: `span${failed ? ' failed' : ''}`, 'data-span': span.spanId, 'data-depth': depth, 'data-service': service },
      h('a', { href: spanHref(span), 'aria-current': span.spanId === selectedId ? 'true' : null },
        h('span', { class: 'span-name', style: { 'padding-left': `${depth * 1.1}em` } }, failed ? '⚠ ' : '', span.name, h('span', { class: 'sub' }, ` ${service}`), mark(span)),
        h('span', { class: 'track' }, h('span', { class: 'bar', title: `${service}: ${duration(durationMs(span.duration))}`, style: { left: `${left}%`, width: `${Math.min(width, 100 - left)}%`, '--hue': serviceHue(service) } })),
        h('span', { class: 'num' }, duration(durationMs(span.duration)))));
  });
  return h('ol', { class: 'waterfall', 'aria-label': label }, rows);
}

/** The services of a trace as coloured legend entries. */
export function legend(spans) {
  return [...new Set(spans.map(serviceOf))].map((s) => h('span', { class: 'legend', style: { '--hue': serviceHue(s) } }, s));
}
