import { formatDate, formatNumber } from '../shared/vietnamese';

/** formatDate that tolerates absent values and full timestamps (shown as dd/mm/yyyy hh:mm). */
export function showDate(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const day = value.slice(0, 10);
  try {
    return formatDate(day);
  } catch {
    return value;
  }
}

export function showDateTime(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  /** Audit times are instants; Vietnam keeps UTC+7 all year. */
  const local = new Date(at.getTime() + 7 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

export function showNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return formatNumber(value);
}

export function showText(value: string | null | undefined): string {
  return value === null || value === undefined || value.trim() === '' ? '—' : value;
}
