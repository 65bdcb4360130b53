// How values from the API are shown. The API's durations are "d.hh:mm:ss.fffffff" (docs/api.md).

/** Milliseconds of an API duration ("00:00:00.2400000", "1.02:03:04.5"). */
export function durationMs(text) {
  if (typeof text !== 'string') return NaN;
  const match = /^(?:(\d+)\.)?(\d+):(\d+):(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return NaN;
  const [, days, hours, minutes, seconds, fraction] = match;
  return ((Number(days ?? 0) * 24 + Number(hours)) * 60 + Number(minutes)) * 60000 + Number(seconds) * 1000
    + (fraction ? Number(`0.${fraction}`) * 1000 : 0);
}

/** A duration for reading: "240 ms", "1.5 s", "2.0 min". */
export function duration(ms) {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 1) return `${ms.toFixed(3)} ms`;
  if (ms < 1000) return `${Math.round(ms * 10) / 10} ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(2)} s`;
  return `${(ms / 60000).toFixed(1)} min`;
}

/** A timestamp in the reader's time zone, to the millisecond. */
export function time(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  const pad = (n, width = 2) => String(n).padStart(width, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} `
    + `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** The level name of an OpenTelemetry severity number (1-24), as vigil logs prints it. */
export function level(severityNumber) {
  if (severityNumber >= 21) return 'fatal';
  if (severityNumber >= 17) return 'error';
  if (severityNumber >= 13) return 'warn';
  if (severityNumber >= 9) return 'info';
  if (severityNumber >= 5) return 'debug';
  return severityNumber >= 1 ? 'trace' : 'unset';
}

/** The text form of an attribute value (the form the API's where=key=value compares). */
export function attributeText(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The resource's service.name. */
export function serviceOf(item) {
  const attributes = item?.resource?.attributes;
  return attributes && typeof attributes['service.name'] === 'string' ? attributes['service.name'] : '';
}

/** A stable colour per service name: a hue from its hash, so a service keeps its colour across traces. */
export function serviceHue(name) {
  let hash = 0;
  for (const char of name ?? '') hash = (hash * 31 + char.codePointAt(0)) >>> 0;
  return hash % 360;
}

/** A size in binary units, as vigil prints it: "512 B", "1.5 KiB", "230.4 MiB". */
export function bytes(count) {
  if (!Number.isFinite(count)) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = count;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit += 1; }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}
