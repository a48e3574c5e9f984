/**
 * window.__emsExportSnapshot: the snapshot export for the CLI, the benchmark
 * and the browser tests, returning the files as base64 (they cross the
 * DevTools protocol as strings) with their sizes, type and page regions.
 */
import { exportSnapshot, type SnapshotContext, type SnapshotResult } from './snapshot-export.ts';

export interface SnapshotHookFile {
  fileName: string;
  base64: string;
  bytes: number;
}

export interface SnapshotHookResult extends Omit<SnapshotResult, 'blob' | 'extraFiles'> {
  base64: string;
  bytes: number;
  /** PNG only: the table pages (page 2, 3…), one file each. */
  extraFiles: SnapshotHookFile[];
}

declare global {
  interface Window {
    /** Exports the current view (see exportSnapshot); rejects with the user-facing message. */
    __emsExportSnapshot?: (options?: unknown) => Promise<SnapshotHookResult>;
  }
}

/** The bytes of a blob as base64, without the data-URL prefix. */
function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the exported file.'));
    reader.readAsDataURL(blob);
  });
}

/**
 * Installs the hook; `context` gives the live map and texts at the time of
 * each call (null while there is no map). Returns a function that removes it.
 */
export function installSnapshotHook(context: () => SnapshotContext | null): () => void {
  const hook = async (options?: unknown): Promise<SnapshotHookResult> => {
    const c = context();
    if (!c) throw new Error('The map is not ready for a snapshot.');
    const { blob, extraFiles, ...rest } = await exportSnapshot(options ?? {}, c);
    const extras = await Promise.all(extraFiles.map(async (f) => ({ fileName: f.fileName, base64: await base64Of(f.blob), bytes: f.blob.size })));
    return { ...rest, base64: await base64Of(blob), bytes: blob.size, extraFiles: extras };
  };
  window.__emsExportSnapshot = hook;
  return () => {
    if (window.__emsExportSnapshot === hook) delete window.__emsExportSnapshot;
  };
}
