// One time-series chart on uPlot (installed from the npm registry by the server's build, served from
// /assets/vendor): the API's buckets as lines, one per series, coloured by a stable hue of the series' label.
import uPlot from '../vendor/uPlot.esm.js';
import { h } from '../dom.js';
import { serviceHue } from '../format.js';
import { isDark, themeColour } from '../theme.js';

/** A series' label: its attributes as "key=value, …", or "(all series)" when it has none. */
export function seriesLabel(labels) {
  const entries = Object.entries(labels ?? {});
  return entries.length === 0 ? '(all series)' : entries.map(([k, v]) => `${k}=${v}`).join(', ');
}

/** The colour of a line: from its label's hash, so a value keeps its colour across charts and reloads. */
export function lineColour(label) {
  return `hsl(${serviceHue(label)} 65% ${isDark() ? 62 : 42}%)`;
}

/**
 * lines: [{ label, points: [[timeMs, value|null], …] }]; exemplars: markers from exemplars.js, drawn as links over
 * the plot. Returns the element holding the chart; its data-drawn attribute is the number of lines uPlot draws (tests
 * compare it with the series the API returned), data-exemplars the number of markers.
 */
export function chart(lines, { title, height = 240, unit = '', exemplars = [] }) {
  const times = [...new Set([...lines.flatMap((line) => line.points.map(([t]) => t)), ...exemplars.map((m) => m.t)])].sort((a, b) => a - b);
  const index = new Map(times.map((t, i) => [t, i]));
  const data = [times.map((t) => t / 1000)];
  for (const points of [...lines.map((line) => line.points), exemplars.map((m) => [m.t, m.value])]) {
    const values = new Array(times.length).fill(null);
    for (const [t, v] of points) values[index.get(t)] = Number.isFinite(v) ? v : null;
    data.push(values);
  }

  const axis = { stroke: themeColour('--muted', '#57606a'), grid: { stroke: themeColour('--line', '#d0d7de'), width: 1 }, ticks: { show: false } };
  const holder = h('div', { class: 'chart', role: 'img', 'aria-label': `${title}: ${lines.length} line${lines.length === 1 ? '' : 's'}` });
  const options = {
    width: 600,
    height,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true } },
    axes: [axis, { ...axis, size: 60, values: (u, ticks) => ticks.map((v) => `${formatValue(v)}${unit}`) }],
    series: [
      {},
      ...lines.map((line) => ({ label: line.label, stroke: lineColour(line.label), width: 1.5, spanGaps: true, points: { show: times.length < 40 } })),
      // The exemplars' values as a series uPlot draws nothing of: it only makes the y scale take them in.
      { label: 'exemplars', paths: () => null, points: { show: false } },
    ],
    hooks: { draw: [(u) => placeMarkers(u, exemplars, links)] },
  };
  const links = markerLinks(exemplars);
  const plot = new uPlot(options, data, holder);
  plot.over.append(...links);
  placeMarkers(plot, exemplars, links);
  holder.dataset.drawn = String(lines.length);
  holder.dataset.exemplars = String(exemplars.length);

  // The chart follows its box's width (the page, a phone, a resized window).
  const resize = new ResizeObserver(() => {
    const width = Math.max(200, Math.floor(holder.clientWidth));
    if (width !== plot.width) plot.setSize({ width, height });
  });
  resize.observe(holder);
  holder.stopChart = () => { resize.disconnect(); plot.destroy(); };
  return holder;
}

/**
 * One link per exemplar marker (views/exemplars.js). Elements over uPlot's canvas, not canvas dots, so they take a
 * click, the keyboard and a tooltip; their text goes in through h(), so a value a sender chose stays text.
 */
function markerLinks(markers) {
  return markers.map((m) => h('a', { class: 'exemplar', href: m.href, title: m.label, 'aria-label': m.label, 'data-trace': m.traceId }));
}

/** Moves each link to its marker's place on the plot (uPlot's draw hook: after every redraw and resize). */
function placeMarkers(plot, markers, links) {
  markers.forEach((m, i) => {
    const left = plot.valToPos(m.t / 1000, 'x');
    const top = plot.valToPos(m.value, 'y');
    const shown = Number.isFinite(left) && Number.isFinite(top) && left >= 0 && left <= plot.over.clientWidth;
    links[i].style.setProperty('left', `${left}px`);
    links[i].style.setProperty('top', `${top}px`);
    links[i].style.setProperty('display', shown ? 'block' : 'none');
  });
}

/** A value for an axis or a table: short, no exponent below a trillion. */
export function formatValue(value) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e9) return `${(value / 1e9).toFixed(1)}G`;
  if (magnitude >= 1e6) return `${(value / 1e6).toFixed(1)}M`;
  if (magnitude >= 1e4) return `${(value / 1e3).toFixed(1)}k`;
  if (magnitude >= 100 || Number.isInteger(value)) return String(Math.round(value * 10) / 10);
  return String(Math.round(value * 1000) / 1000);
}
