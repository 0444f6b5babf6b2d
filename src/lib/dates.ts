/**
 * Dates as the site shows them. Calendar dates stay `YYYY-MM-DD` strings end to end, so no
 * time zone can shift them; timestamps carry their own zone and are shown in UTC, the
 * zone incident timelines are written in.
 */
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const timestampFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

/** `2025-03-27` → `27 Mar 2025`. */
export function formatDate(date: string): string {
  const ms = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(ms) ? date : dateFormat.format(ms);
}

/** `2025-03-27T10:14:00+01:00` → `27 Mar 2025, 09:14 UTC`. */
export function formatTimestamp(timestamp: string): string {
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? timestamp : `${timestampFormat.format(ms)} UTC`;
}

/** Minutes between two timestamps, or undefined when either is missing. */
export function minutesBetween(from: string | undefined, to: string | undefined): number | undefined {
  if (!from || !to) return undefined;
  return Math.round((Date.parse(to) - Date.parse(from)) / 60_000);
}

/** `134` → `2 h 14 min`; `2900` → `2 d 0 h 20 min`. */
export function formatDuration(minutes: number | undefined): string {
  if (minutes === undefined) return '—';
  if (minutes < 60) return `${minutes} min`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  return [days ? `${days} d` : '', `${hours} h`, mins ? `${mins} min` : ''].filter(Boolean).join(' ');
}

/** Whole days from `a` to `b` (both `YYYY-MM-DD`); positive when b is later. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** `YYYY-MM-DD` plus n days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Today as `YYYY-MM-DD`; `CAIRN_TODAY` pins it for reproducible builds and tests. */
export function today(): string {
  return process.env.CAIRN_TODAY ?? new Date().toISOString().slice(0, 10);
}
