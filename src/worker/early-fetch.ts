/**
 * The download of the pack the page opens first (named in the worker's name,
 * prefetch-hint.ts), started by the worker's first module to run: the worker's
 * own entry imports this module before anything else, so the download runs
 * while the other modules are evaluated (h3-js, the schemas: tens of
 * milliseconds) instead of after them.
 */
import { prefetchHint, type PrefetchHint } from './prefetch-hint.ts';

/** Reads a URL into bytes. */
export async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status}.`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The pack this worker reads ahead, or null. */
export const firstPack: PrefetchHint | null = typeof self === 'undefined' ? null : prefetchHint(self.name);

const early = new Map<string, Promise<Uint8Array>>();
if (firstPack) {
  const bytes = fetchBytes(firstPack.url);
  // a failed download is reported by the open that reads it
  bytes.catch(() => {});
  early.set(firstPack.url, bytes);
}

/** Reads a URL; the download started early is taken by the first read of its URL only (a later read fetches again). */
export function fetchOnce(url: string): Promise<Uint8Array> {
  const started = early.get(url);
  early.delete(url);
  return started ?? fetchBytes(url);
}
