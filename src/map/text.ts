/**
 * Text for map labels. MapLibre 5.24 draws labels locally with a bundled
 * TinySDF that takes the sign of `actualBoundingBoxLeft` the wrong way round:
 * glyphs whose ink starts far right of the pen (full-width opening brackets
 * and quotes such as "（") are clipped away and show as blank. Those are
 * swapped for their half-width forms; their closing partners too, so pairs
 * still match. Only map labels change; names stay as in the data.
 */
const SWAPS: Record<string, string> = {
  '（': '(',
  '）': ')',
  '［': '[',
  '］': ']',
  '【': '[',
  '】': ']',
  '〔': '[',
  '〕': ']',
  '｛': '{',
  '｝': '}',
  '《': '«',
  '》': '»',
  '〈': '‹',
  '〉': '›',
  '「': '"',
  '」': '"',
  '『': '"',
  '』': '"',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
};
const PATTERN = new RegExp(`[${Object.keys(SWAPS).join('')}]`, 'g');

/**
 * A label the map can draw.
 * @example mapLabel('永春县医院（县急救中心）') // '永春县医院(县急救中心)'
 */
export function mapLabel(text: string): string {
  return text.replace(PATTERN, (c) => SWAPS[c]);
}
