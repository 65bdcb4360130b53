// Exemplars on a metric's chart: each value the API's GET /api/metric-exemplars returned with a trace becomes a
// marker that chart() draws as a link over the plot at its time and value, opening that trace at its span.
import { time } from '../format.js';
import { href } from '../state.js';
import { formatValue, seriesLabel } from './chart.js';

/** The API's exemplars that link somewhere, as chart markers: { t (ms), value, href, label }. */
export function markersOf(result, unit, since) {
  return (result?.items ?? [])
    .filter((e) => typeof e.traceId === 'string' && Number.isFinite(e.value))
    .map((e) => ({
      t: Date.parse(e.time),
      value: e.value,
      traceId: e.traceId,
      href: href({ view: 'traces', since, trace: e.traceId, span: e.spanId ?? undefined }),
      label: `${formatValue(e.value)}${unit} at ${time(e.time)}, ${seriesLabel(e.labels)}: open trace ${e.traceId.slice(0, 8)}`,
    }));
}
