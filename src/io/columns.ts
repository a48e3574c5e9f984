/**
 * Column headers and cell values as people type them: guessing which column
 * holds what from Chinese and English headers, and reading numbers and
 * coordinates written with full-width digits, degree signs or DMS.
 */

/** Lower-cased header with spaces, punctuation, units and CRS notes removed: "经度（GCJ-02）" → "经度". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    // a bracketed note: from an opening bracket to the next closing one, never past another opening one (linear on "((((…")
    .replace(/[（(【[][^（(【[）)\]】]*[）)\]】]/g, '')
    .replace(/[\s_\-.:/\\°*#"'`]/g, '');
}

/**
 * Picks the column for a field: first a header equal to one of `aliases`
 * (after normalising both), then one that starts with an alias of 2+ characters.
 * Columns in `taken` are skipped. Returns the header as written, or null.
 * @example guessColumn(['序号', '机构名称', '经度'], ['名称', 'name']) // '机构名称'
 */
export function guessColumn(headers: readonly string[], aliases: readonly string[], taken: ReadonlySet<string> = new Set()): string | null {
  return guessAmong(headers, headers.map(normaliseHeader), aliases.map(normaliseHeader), taken);
}

function guessAmong(headers: readonly string[], norm: readonly string[], wanted: readonly string[], taken: ReadonlySet<string>, exactOnly = false): string | null {
  for (const a of wanted) {
    const i = norm.findIndex((h, k) => h === a && !taken.has(headers[k]));
    if (i >= 0) return headers[i];
  }
  if (exactOnly) return null;
  for (const a of wanted) {
    if (a.length < 2) continue;
    const i = norm.findIndex((h, k) => h !== '' && (h.endsWith(a) || h.startsWith(a)) && !taken.has(headers[k]));
    if (i >= 0) return headers[i];
  }
  return null;
}

/** A cell as text, trimmed (otherwise as the user wrote it; dates as ISO text). */
export function normaliseCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return String(value).trim();
}

/** Longer cell text is no number or coordinate anyone writes (and is not run through the number patterns). */
const MAX_NUMBER_TEXT = 64;

/** For reading numbers: full-width digits and signs to ASCII, no spaces (text too long to be a number is left as it is). */
const numericText = (text: string) => {
  const t = normaliseCell(text);
  return t.length > MAX_NUMBER_TEXT ? t : t.normalize('NFKC').replace(/\s/g, '');
};

/**
 * Reads a number: plain decimals, with thousands separators ("12,345") or a
 * trailing unit ("118.16°", "120人"); NaN when the text is no number.
 * @example parseNumber('１１８．１６°') // 118.16
 */
export function parseNumber(text: string): number {
  let t = numericText(text);
  if (t === '' || t.length > MAX_NUMBER_TEXT) return NaN;
  t = t.replace(/(°|度|人|口|km2|平方公里)$/u, '');
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(t)) return NaN;
  return Number(t);
}

/**
 * Reads a longitude or latitude: a decimal (see parseNumber), or degrees,
 * minutes and seconds ("118°9'44.3\"", "118度9分44秒"), with an optional
 * E/N/东经/北纬 prefix or suffix; W/S make it negative. NaN when unreadable.
 * @example parseCoordinate('东经118°09′00″') // 118.15
 */
export function parseCoordinate(text: string): number {
  let t = numericText(text);
  if (t === '' || t.length > MAX_NUMBER_TEXT) return NaN;
  let sign = 1;
  const hemi = /^(东经|北纬|西经|南纬|[ENWS])|([ENWS]|东经|北纬|西经|南纬)$/iu.exec(t);
  if (hemi) {
    const h = (hemi[1] ?? hemi[2]).toUpperCase();
    if (h === 'W' || h === 'S' || h === '西经' || h === '南纬') sign = -1;
    t = t.replace(hemi[0], '');
  }
  const plain = parseNumber(t);
  if (!Number.isNaN(plain)) return sign * plain;
  const dms = /^(\d+(?:\.\d+)?)(?:°|度)(?:(\d+(?:\.\d+)?)(?:'|′|分))?(?:(\d+(?:\.\d+)?)(?:"|″|''|′′|秒))?$/u.exec(t);
  if (!dms) return NaN;
  const [d, m, s] = [Number(dms[1]), Number(dms[2] ?? 0), Number(dms[3] ?? 0)];
  if (m >= 60 || s >= 60) return NaN;
  return sign * (d + m / 60 + s / 3600);
}

/**
 * Guesses a column for every field: first exact header matches for all
 * fields (in the order given), then prefix/suffix matches for the fields still
 * without one, never giving one column to two fields. `fixed` (the caller's
 * choices) wins; a fixed null means "this file has no such column".
 * @example guessMapping(['名称', '经度', '纬度'], { name: ['名称'], lng: ['经度'], lat: ['纬度'] }) // { name: '名称', lng: '经度', lat: '纬度' }
 */
export function guessMapping<F extends string>(
  headers: readonly string[],
  aliases: Record<F, readonly string[]>,
  fixed: Partial<Record<F, string | null>> = {},
): Record<F, string | null> {
  const fields = Object.keys(aliases) as F[];
  const out = {} as Record<F, string | null>;
  const taken = new Set<string>();
  const decided = new Set<F>();
  for (const f of fields) {
    const chosen = fixed[f];
    if (chosen !== undefined) {
      out[f] = chosen;
      decided.add(f);
      if (chosen !== null) taken.add(chosen);
    }
  }
  const norm = headers.map(normaliseHeader);
  for (const exactOnly of [true, false]) {
    for (const f of fields) {
      if (decided.has(f)) continue;
      const found = guessAmong(headers, norm, aliases[f].map(normaliseHeader), taken, exactOnly);
      if (found === null) continue;
      out[f] = found;
      taken.add(found);
      decided.add(f);
    }
  }
  for (const f of fields) if (!decided.has(f)) out[f] = null;
  return out;
}
