/** Number formatting shared by the text reports. */

/** Integer with thousands separators: 422531 → "422,531". */
export function int(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Percentage with one decimal: 71.234 → "71.2 %". */
export function pct(n: number): string {
  return `${n.toFixed(1)} %`;
}

/** Signed integer: +1,234 / −56 / 0. */
export function signed(n: number): string {
  const r = Math.round(n);
  return r > 0 ? `+${int(r)}` : r < 0 ? `−${int(-r)}` : '0';
}

/** A value safe inside a Markdown table cell (names come from files). */
export function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

/** A value safe as one CSV field (RFC 4180 quoting). */
export function csvField(value: string | number | boolean | null): string {
  const s = value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
