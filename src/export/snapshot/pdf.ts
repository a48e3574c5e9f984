/**
 * A one-page PDF of exactly the paper size (mm) holding the composed page
 * as one image. The page is already pixels, Chinese text included, so no
 * font needs embedding. jsPDF is loaded only when a PDF is asked for.
 */
import type { Page } from './paper.ts';

export interface PdfMetadata {
  title: string;
  subject: string;
  creator: string;
}

/**
 * JPEG at this quality: jsPDF embeds JPEG bytes as they are (DCTDecode),
 * while a PNG would be decoded and deflated again in JavaScript — seconds for
 * a 300-dpi page. At 300 dpi and 0.95 the text edges stay clean in print.
 */
export const PDF_JPEG_QUALITY = 0.95;

/** A PDF of the page's size holding `jpeg` (the composed page) edge to edge. */
export async function pageToPdf(jpeg: Blob, page: Page, metadata: PdfMetadata): Promise<Blob> {
  const { jsPDF } = await import('jspdf');
  const doc = new jsPDF({ orientation: page.orientation, unit: 'mm', format: [page.widthMm, page.heightMm], compress: true });
  doc.setProperties({ title: metadata.title, subject: metadata.subject, creator: metadata.creator });
  doc.addImage(new Uint8Array(await jpeg.arrayBuffer()), 'JPEG', 0, 0, page.widthMm, page.heightMm, undefined, 'NONE');
  return doc.output('blob');
}
