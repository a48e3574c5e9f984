/**
 * The pack the worker reads ahead, named in the worker's own name (the
 * Worker constructor's `name`, the worker's `self.name`), so the worker
 * starts on it as soon as its code has run. A message would wait: the page
 * hands messages queued for a worker that is still starting to it only from
 * its own main thread, which is then busy running the app's code (about
 * 150 ms in the headless benchmark).
 */
const PREFIX = 'coverage ';

export interface PrefetchHint {
  url: string;
  name: string;
}

/** The worker's name: readable in the browser's developer tools, with the pack to read ahead (or none). */
export function workerName(pack: PrefetchHint | null): string {
  return pack ? `${PREFIX}${JSON.stringify({ prefetch: pack.url, file: pack.name })}` : 'coverage';
}

/** The pack a worker name asks to read ahead, or null (no hint, or a name this module did not write). */
export function prefetchHint(name: string): PrefetchHint | null {
  if (!name.startsWith(PREFIX)) return null;
  try {
    const value: unknown = JSON.parse(name.slice(PREFIX.length));
    if (typeof value !== 'object' || value === null) return null;
    const { prefetch, file } = value as Record<string, unknown>;
    return typeof prefetch === 'string' && typeof file === 'string' ? { url: prefetch, name: file } : null;
  } catch {
    return null;
  }
}
