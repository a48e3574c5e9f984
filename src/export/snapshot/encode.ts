/**
 * The composed page as a file: PNG straight from the canvas, or a PDF of
 * exactly the paper size with the page embedded as one image (see pdf.ts).
 */
import type { SnapshotFormat } from './options.ts';
import type { Page } from './paper.ts';
import { PDF_JPEG_QUALITY, pageToPdf, type PdfMetadata } from './pdf.ts';

export const MIME: Record<SnapshotFormat, string> = { png: 'image/png', pdf: 'application/pdf' };

/** canvas.toBlob as a promise; rejects when the browser cannot encode (e.g. out of memory). */
export function canvasBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(`The browser could not encode the ${canvas.width} × ${canvas.height} page as ${type}.`))), type, quality);
  });
}

/** Encodes the page canvas in the chosen format. */
export async function encodePage(canvas: HTMLCanvasElement, page: Page, format: SnapshotFormat, metadata: PdfMetadata): Promise<Blob> {
  if (format === 'png') return canvasBlob(canvas, MIME.png);
  return pageToPdf(await canvasBlob(canvas, 'image/jpeg', PDF_JPEG_QUALITY), page, metadata);
}
