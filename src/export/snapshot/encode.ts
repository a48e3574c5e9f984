/**
 * The composed pages as files: PNG straight from the canvas with its print
 * resolution written in (pHYs), or the page pictures as JPEG for the PDF.
 */
import type { SnapshotFormat } from './options.ts';
import { PDF_JPEG_QUALITY } from './pdf.ts';
import { withPngDpi } from './png-dpi.ts';

export const MIME: Record<SnapshotFormat, string> = { png: 'image/png', pdf: 'application/pdf' };

/** canvas.toBlob as a promise; rejects when the browser cannot encode (e.g. out of memory). */
export function canvasBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(`The browser could not encode the ${canvas.width} × ${canvas.height} page as ${type}.`))), type, quality);
  });
}

/** The page as a PNG that says its resolution (so Word and PowerPoint place it at paper size). */
export async function pngAtDpi(canvas: HTMLCanvasElement, dpi: number): Promise<Blob> {
  const png = new Uint8Array(await (await canvasBlob(canvas, MIME.png)).arrayBuffer());
  return new Blob([withPngDpi(png, dpi) as BlobPart], { type: MIME.png });
}

/** The page as JPEG bytes for a PDF page. */
export async function jpegBytes(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  return new Uint8Array(await (await canvasBlob(canvas, 'image/jpeg', PDF_JPEG_QUALITY)).arrayBuffer());
}
