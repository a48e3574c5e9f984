/**
 * Line breaking for canvas text that mixes Chinese and Latin: Chinese may
 * break between any two characters (but a line does not start with closing
 * punctuation), Latin words break at spaces, and a word longer than the line
 * is split by character.
 */

/** Width of a string in the units of `maxWidth` (e.g. ctx.measureText(s).width). */
export type Measure = (text: string) => number;

/** Characters that must not begin a line (closing brackets and punctuation, 避头尾). */
const NO_LINE_START = /^[，。、；：？！）】》」』”’,.;:?!)\]%…]/;

/** Tokens a line may break after: one CJK character, or a Latin word with its trailing spaces. */
function tokens(text: string): string[] {
  return text.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+\s*|\s+/g) ?? [];
}

/**
 * Breaks `text` into lines no wider than `maxWidth`; explicit newlines are kept.
 * @example wrapText('覆盖率 71.2%', 4, (s) => s.length) // ['覆盖率', '71.2%']
 */
export function wrapText(text: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line: string[] = [];
    for (const token of tokens(paragraph)) {
      if (line.length === 0 || measure((line.join('') + token).trimEnd()) <= maxWidth) {
        line.push(token);
        continue;
      }
      // closing punctuation takes the character before it to the next line
      const carried = NO_LINE_START.test(token) && line.length > 1 ? [line.pop()!] : [];
      lines.push(line.join('').trimEnd());
      line = [...carried, token].filter((t, i) => i > 0 || t.trim() !== '');
    }
    lines.push(line.join('').trimEnd());
  }
  // a single word wider than the line is split by character
  return lines.flatMap((l) => splitLong(l, maxWidth, measure));
}

function splitLong(line: string, maxWidth: number, measure: Measure): string[] {
  if (measure(line) <= maxWidth) return [line];
  const out: string[] = [];
  let current = '';
  for (const ch of Array.from(line)) {
    if (current !== '' && measure(current + ch) > maxWidth) {
      out.push(current);
      current = ch;
    } else current += ch;
  }
  out.push(current);
  return out;
}
