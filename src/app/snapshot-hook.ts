/**
 * window.__emsExportSnapshot: the snapshot export for the CLI, the benchmark
 * and the browser tests, returning the file as base64 (it crosses the
 * DevTools protocol as a string) with its size, type and page regions.
 */
import { exportSnapshot, type SnapshotResult } from './snapshot-export.ts';

export interface SnapshotHookResult extends Omit<SnapshotResult, 'blob'> {
  base64: string;
  bytes: number;
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

/** Installs the hook; returns a function that removes it. */
export function installSnapshotHook(): () => void {
  const hook = async (options?: unknown): Promise<SnapshotHookResult> => {
    const { blob, ...rest } = await exportSnapshot(options ?? {});
    return { ...rest, base64: await base64Of(blob), bytes: blob.size };
  };
  window.__emsExportSnapshot = hook;
  return () => {
    if (window.__emsExportSnapshot === hook) delete window.__emsExportSnapshot;
  };
}
