/**
 * The handout as a PDF of exactly the paper size: each page the composed
 * picture (JPEG) with its text as an invisible, selectable layer over it
 * (see pdf-writer.ts). The picture already shows every character, so no font
 * is embedded and the file costs no font bytes.
 */
import { PT_PER_INCH, type Page } from './paper.ts';
import { writePdf, type PdfInfo, type PdfTextRun } from './pdf-writer.ts';
import type { DrawnText } from './text-record.ts';

export type PdfMetadata = PdfInfo;

/**
 * JPEG at this quality: a PDF reader decodes JPEG (DCTDecode) natively, while
 * a PNG would have to be re-deflated in JavaScript, seconds for a 300-dpi
 * page. At 300 dpi and 0.95 the text edges stay clean in print.
 */
export const PDF_JPEG_QUALITY = 0.95;

/** One PDF page: the page picture and the text drawn on it (canvas pixels). */
export interface PdfPicturePage {
  page: Page;
  jpeg: Uint8Array;
  text: readonly DrawnText[];
}

/**
 * Text drawn on a canvas at `dpi` as PDF text runs in points.
 * @example runsInPoints([{ text: 'A', x: 300, baseline: 600, px: 50, width: 30 }], 300)[0] // { text: 'A', x: 72, baseline: 144, size: 12, width: 7.2 }
 */
export function runsInPoints(drawn: readonly DrawnText[], dpi: number): PdfTextRun[] {
  const k = PT_PER_INCH / dpi;
  return drawn.map((d) => ({ text: d.text, x: d.x * k, baseline: d.baseline * k, size: d.px * k, width: d.width * k }));
}

/** A PDF of the pages, each of its paper's size. */
export function picturesToPdf(pages: readonly PdfPicturePage[], metadata: PdfMetadata): Blob {
  const mmToPt = PT_PER_INCH / 25.4;
  const bytes = writePdf(
    pages.map((p) => ({
      widthPt: p.page.widthMm * mmToPt,
      heightPt: p.page.heightMm * mmToPt,
      jpeg: p.jpeg,
      imageWidth: p.page.widthPx,
      imageHeight: p.page.heightPx,
      text: runsInPoints(p.text, p.page.dpi),
    })),
    metadata,
  );
  return new Blob([bytes as BlobPart], { type: 'application/pdf' });
}
