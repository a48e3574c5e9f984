/**
 * The worker's first module starts downloading the pack named in the worker's
 * name as it is evaluated, before any read asks; the first read of that URL
 * takes the download, and any later read fetches again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { workerName } from '../../src/worker/prefetch-hint.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

const bytesOf = (url: string) => new TextEncoder().encode(`bytes of ${url}`);

async function loadWithName(name: string, status = 200) {
  const fetchMock = vi.fn(async (url: string) => new Response(status === 200 ? bytesOf(url) : 'missing', { status }));
  vi.stubGlobal('self', { name });
  vi.stubGlobal('fetch', fetchMock);
  const module = await import('../../src/worker/early-fetch.ts');
  return { module, fetchMock };
}

describe('the early download of the first pack in the worker', () => {
  it('starts when the module is evaluated, is taken once by the first read of its URL, and later reads fetch again', async () => {
    const { module, fetchMock } = await loadWithName(workerName({ url: '/assets/350525.region.zip', name: '永春县.region.zip' }));
    expect(module.firstPack).toEqual({ url: '/assets/350525.region.zip', name: '永春县.region.zip' });
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/assets/350525.region.zip']);
    expect(new TextDecoder().decode(await module.fetchOnce('/assets/350525.region.zip'))).toBe('bytes of /assets/350525.region.zip');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(new TextDecoder().decode(await module.fetchOnce('/assets/350525.region.zip'))).toBe('bytes of /assets/350525.region.zip');
    await module.fetchOnce('/assets/350500.region.zip');
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/assets/350525.region.zip', '/assets/350525.region.zip', '/assets/350500.region.zip']);
  });

  it('downloads nothing ahead for a worker named without a pack', async () => {
    const { module, fetchMock } = await loadWithName(workerName(null));
    expect(module.firstPack).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('leaves a failed early download to the read, which names the URL and the HTTP status (the download itself, not a second one)', async () => {
    const { module, fetchMock } = await loadWithName(workerName({ url: '/assets/gone.region.zip', name: 'gone.region.zip' }), 404);
    await expect(module.fetchOnce('/assets/gone.region.zip')).rejects.toThrow('Could not load /assets/gone.region.zip: HTTP 404.');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
