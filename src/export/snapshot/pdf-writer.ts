/**
 * A small PDF writer for handout pages: each page is one JPEG picture edge to
 * edge with an invisible text layer (render mode 3) over it, so the title,
 * figures and tables can be searched, selected and read by `pdftotext`.
 *
 * The text uses STSong-Light, one of the standard CJK fonts every PDF reader
 * knows (Acrobat, PDFium, pdf.js, Poppler with poppler-data), with the
 * predefined UniGB-UCS2-H CMap: codes are UCS-2 code points, so no font
 * bytes are embedded. A ToUnicode CMap maps every code back to itself, so
 * extraction does not depend on the reader's CID tables. The text is never
 * painted (the picture shows it), so the reader's glyph widths do not
 * matter: each run is stretched (Tz) to the width it has in the picture.
 */

/** A run of text on a page, in PDF points from the page's top-left corner. */
export interface PdfTextRun {
  text: string;
  /** Left end of the run. */
  x: number;
  /** Baseline, measured down from the top of the page. */
  baseline: number;
  /** Font size (em) in points. */
  size: number;
  /** Width of the run as drawn in the picture, in points. */
  width: number;
}

export interface PdfPageInput {
  widthPt: number;
  heightPt: number;
  /** Baseline JPEG bytes of the page picture (RGB). */
  jpeg: Uint8Array;
  imageWidth: number;
  imageHeight: number;
  text: readonly PdfTextRun[];
}

export interface PdfInfo {
  title: string;
  subject: string;
  creator: string;
}

/** The font's metrics as the standard CJK font sets give them (Adobe's STSong-Light). */
const FONT_DESCRIPTOR = '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>';

const num = (v: number) => (Math.round(v * 10_000) / 10_000).toString();

/**
 * UCS-2 code units of `text` as hex; characters beyond the BMP (which UCS-2 cannot hold) become U+FFFD.
 * @example ucs2Hex('永A') // '6C380041'
 */
export function ucs2Hex(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    out += (cp > 0xffff ? 0xfffd : cp).toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

/** A PDF literal string of text (UTF-16BE with BOM, every byte escaped in octal), for the document info. */
export function pdfTextString(text: string): string {
  const bytes = [0xfe, 0xff];
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    bytes.push(u >> 8, u & 0xff);
  }
  return `(${bytes.map((b) => `\\${b.toString(8).padStart(3, '0')}`).join('')})`;
}

/** A ToUnicode CMap mapping each used 2-byte code to the same UTF-16 unit (ranges by high byte). */
export function toUnicodeCMap(highBytes: Iterable<number>): string {
  const highs = [...new Set(highBytes)].sort((a, b) => a - b);
  const hex = (v: number) => v.toString(16).toUpperCase().padStart(2, '0');
  const blocks: string[] = [];
  for (let i = 0; i < highs.length; i += 100) {
    const part = highs.slice(i, i + 100);
    blocks.push(`${part.length} beginbfrange\n${part.map((h) => `<${hex(h)}00> <${hex(h)}FF> <${hex(h)}00>`).join('\n')}\nendbfrange`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** The content stream of a page: the picture, then the invisible text. */
export function pageContent(page: PdfPageInput): string {
  const ops = [`q ${num(page.widthPt)} 0 0 ${num(page.heightPt)} 0 0 cm /Im0 Do Q`];
  const runs = page.text.filter((r) => r.text.trim() !== '' && r.size > 0);
  if (runs.length > 0) {
    ops.push('BT', '3 Tr');
    for (const r of runs) {
      const hex = ucs2Hex(r.text);
      const advance = (hex.length / 4) * r.size; // every code is 1 em wide (DW 1000)
      const scale = advance > 0 && r.width > 0 ? (100 * r.width) / advance : 100;
      ops.push(`/F0 ${num(r.size)} Tf ${num(scale)} Tz 1 0 0 1 ${num(r.x)} ${num(page.heightPt - r.baseline)} Tm <${hex}> Tj`);
    }
    ops.push('ET');
  }
  return ops.join('\n');
}

const encoder = new TextEncoder();

/**
 * A PDF file of the pages.
 * @example writePdf([{ widthPt: 841.89, heightPt: 595.28, jpeg, imageWidth: 3508, imageHeight: 2480, text: [] }], info) // Uint8Array starting "%PDF-1.4"
 */
export function writePdf(pages: readonly PdfPageInput[], info: PdfInfo): Uint8Array {
  if (pages.length === 0) throw new Error('A PDF needs at least one page.');
  const parts: Uint8Array[] = [];
  let length = 0;
  const offsets: number[] = [];
  const push = (chunk: string | Uint8Array) => {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    parts.push(bytes);
    length += bytes.length;
  };
  const object = (id: number, body: string) => {
    offsets[id] = length;
    push(`${id} 0 obj\n${body}\nendobj\n`);
  };
  const stream = (id: number, dict: string, data: Uint8Array | string) => {
    const bytes = typeof data === 'string' ? encoder.encode(data) : data;
    offsets[id] = length;
    push(`${id} 0 obj\n<< ${dict} /Length ${bytes.length} >>\nstream\n`);
    push(bytes);
    push('\nendstream\nendobj\n');
  };

  // 1 catalog, 2 pages, 3 info, 4 font, 5 CID font, 6 descriptor, 7 ToUnicode; then 3 objects a page
  const pageId = (i: number) => 8 + 3 * i;
  // a comment of high bytes after the header tells transfer tools the file is binary
  push(new Uint8Array([...encoder.encode('%PDF-1.4\n'), 0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]));
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Kids [${pages.map((_, i) => `${pageId(i)} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  object(3, `<< /Title ${pdfTextString(info.title)} /Subject ${pdfTextString(info.subject)} /Creator ${pdfTextString(info.creator)} /Producer ${pdfTextString(info.creator)} >>`);
  object(4, '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] /ToUnicode 7 0 R >>');
  object(5, '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 6 0 R /DW 1000 >>');
  object(6, FONT_DESCRIPTOR);
  const highs = new Set<number>();
  for (const p of pages) for (const r of p.text) for (let i = 0; i < r.text.length; i++) highs.add(r.text.charCodeAt(i) >> 8);
  highs.add(0xff); // U+FFFD stands in for characters beyond the BMP
  stream(7, '', toUnicodeCMap(highs));
  pages.forEach((p, i) => {
    const id = pageId(i);
    object(
      id,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(p.widthPt)} ${num(p.heightPt)}] /Resources << /XObject << /Im0 ${id + 2} 0 R >> /Font << /F0 4 0 R >> >> /Contents ${id + 1} 0 R >>`,
    );
    stream(id + 1, '', pageContent(p));
    stream(id + 2, `/Type /XObject /Subtype /Image /Width ${p.imageWidth} /Height ${p.imageHeight} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode`, p.jpeg);
  });
  const count = pageId(pages.length);
  const xref = length;
  push(`xref\n0 ${count}\n0000000000 65535 f \n${offsets.slice(1, count).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  push(`trailer\n<< /Size ${count} /Root 1 0 R /Info 3 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
