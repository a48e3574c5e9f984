/** Safe download file names from a title and a date: legal on Windows, macOS and Linux, Chinese kept. */

/** Longest name stem kept (characters), well under every file system's 255-byte limit even in UTF-8 Chinese. */
const MAX_STEM = 80;
// eslint-disable-next-line no-control-regex -- control characters are illegal in Windows file names
const ILLEGAL = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g;
/** Names Windows reserves for devices, with any extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

const two = (n: number) => String(n).padStart(2, '0');

/** The local date as YYYY-MM-DD (the planner's day, not UTC's). */
export function localDate(date: Date): string {
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/**
 * A file name stem from free text: characters illegal on Windows become a
 * space, runs of spaces one, no leading or trailing dots or spaces, reserved
 * device names prefixed with "_", and at most 80 characters.
 * @example safeFileStem('永春县: 方案 A/B?') // '永春县 方案 A B'
 */
export function safeFileStem(title: string, fallback = 'export'): string {
  let stem = title.normalize('NFC').replace(ILLEGAL, ' ').replace(/\s+/g, ' ').trim();
  stem = Array.from(stem).slice(0, MAX_STEM).join('');
  stem = stem.replace(/^[.\s]+|[.\s]+$/g, '');
  if (stem === '') return fallback;
  return RESERVED.test(stem) ? `_${stem}` : stem;
}

/**
 * A download name: the title, the local date and the extension.
 * @example downloadName('永春县 覆盖结果', 'csv', new Date(2025, 0, 31)) // '永春县 覆盖结果 2025-01-31.csv'
 */
export function downloadName(title: string, extension: string, date: Date = new Date()): string {
  const ext = extension.replace(/^\.+/, '').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  const name = `${safeFileStem(title)} ${localDate(date)}`;
  return ext ? `${name}.${ext}` : name;
}
