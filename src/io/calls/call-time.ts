/**
 * A call's time as 120 dispatch systems export it: "2023-01-05 08:12:00",
 * "2023/1/5 8:12", "2023年1月5日 8时12分", ISO with a zone, "20230105081200",
 * an Excel serial day number, or Unix seconds/milliseconds. Only the span
 * between the first and last call matters (the file's period), so wall-clock
 * times are read as if UTC.
 */
import { normaliseCell } from '../columns.ts';

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 (1899-12-30, after its 1900 leap-year bug). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

const DATE_TIME = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s]+(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2}(?:\.\d+)?)秒?)?分?)?\s*(Z|[+-]\d{2}:?\d{2})?$/iu;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/;

/**
 * Milliseconds since 1970 (wall clock as UTC), or NaN when the text is no date we read.
 * @example parseCallTime('2023/1/5 8:12') === Date.UTC(2023, 0, 5, 8, 12) // true
 */
export function parseCallTime(text: string): number {
  const t = normaliseCell(text).normalize('NFKC');
  if (t === '' || t.length > 40) return NaN;
  const m = DATE_TIME.exec(t) ?? COMPACT.exec(t);
  if (m) return fromParts(m);
  if (!/^\d+(\.\d+)?$/.test(t)) return NaN;
  const n = Number(t);
  // Excel serial days 1955–2119; Unix seconds and milliseconds by their length
  if (n >= 20_000 && n < 80_000) return EXCEL_EPOCH_MS + Math.round(n * MS_PER_DAY);
  if (/^\d{10}$/.test(t)) return n * 1000;
  if (/^\d{13}$/.test(t)) return n;
  return NaN;
}

function fromParts(m: RegExpExecArray): number {
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return NaN;
  if (hour > 23 || minute > 59 || second >= 60) return NaN;
  let ms = Date.UTC(year, month - 1, day, hour, minute) + Math.round(second * 1000);
  const zone = m[7];
  if (zone && zone.toUpperCase() !== 'Z') {
    const z = /([+-])(\d{2}):?(\d{2})/.exec(zone)!;
    ms -= (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3])) * 60_000;
  }
  return ms;
}

/**
 * Years a file's calls cover: whole calendar days from the first call's day
 * to the last's, inclusive, over 365.25 (a year of daily records is ≈ 1).
 * @example periodYears(Date.UTC(2023, 0, 1), Date.UTC(2023, 11, 31, 23)) // 365 / 365.25
 */
export function periodYears(firstMs: number, lastMs: number): number {
  const days = Math.floor(lastMs / MS_PER_DAY) - Math.floor(firstMs / MS_PER_DAY) + 1;
  return days / 365.25;
}
