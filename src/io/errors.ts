/** Row-level problems found while reading a file: which file, row, column and why. */
import type { ProblemCode } from './problem-codes.ts';

export type { ProblemCode } from './problem-codes.ts';

export interface RowProblem {
  file: string;
  /** 1-based data row (header excluded), or 0 for the file as a whole. */
  row: number;
  column?: string;
  reason: string;
  /**
   * 'error' (the default when absent): the row was not imported. 'warning':
   * the row was imported, but the reader changed or assumed something about it.
   */
  severity?: 'error' | 'warning';
  /** A suggested fix the user can apply, in words (e.g. "swap 经度 and 纬度"). */
  fix?: string;
  /** Stable machine-readable reason (e.g. 'swapped-lnglat'), for translated UI text. */
  code?: ProblemCode;
  /** The offending cell value, as read. */
  value?: string;
}

export function describeProblem(p: RowProblem): string {
  const where = p.row > 0 ? `row ${p.row}${p.column ? `, column "${p.column}"` : ''}` : 'file';
  const level = p.severity === 'warning' ? 'warning: ' : '';
  const fix = p.fix ? ` (fix: ${p.fix})` : '';
  return `${p.file}: ${where}: ${level}${p.reason}${fix}`;
}

/** True for problems that kept their row out of the import (everything but warnings). */
export const isError = (p: RowProblem): boolean => p.severity !== 'warning';

/** Thrown when a file cannot be used at all; carries every problem found, not just the first. */
export class DataFileError extends Error {
  constructor(readonly problems: RowProblem[]) {
    const shown = problems.slice(0, 10).map(describeProblem).join('\n');
    const more = problems.length > 10 ? `\n… and ${problems.length - 10} more problems` : '';
    super(shown + more);
    this.name = 'DataFileError';
  }
}

/** A DataFileError for the file as a whole. */
export function fileError(file: string, reason: string, code?: ProblemCode): DataFileError {
  return new DataFileError([{ file, row: 0, reason, ...(code ? { code } : {}) }]);
}

/**
 * Turns whatever a parsing library (or a bug of ours) threw into a
 * DataFileError that names the file and what we expected it to be; passes
 * DataFileErrors and cancellations through unchanged. Running out of stack
 * or memory is said in words, with what to do.
 */
export function wrapLibraryError(e: unknown, file: string, expected: string): Error {
  if (e instanceof DataFileError) return e;
  if (isAbortError(e)) return e as Error;
  const detail = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
  if (e instanceof RangeError && /call stack/i.test(detail)) {
    return new DataFileError([{ file, row: 0, code: 'too-complex', reason: `could not be read as ${expected}: it is nested or chained too deeply (${detail.slice(0, 120)})`, fix: 'check that the file is what it claims to be, or export it again' }]);
  }
  if (e instanceof RangeError && /allocation failed|invalid (string|array) length|out of memory/i.test(detail)) {
    return new DataFileError([{ file, row: 0, code: 'too-large', reason: `could not be read as ${expected}: it needs more memory than is available (${detail.slice(0, 120)})`, fix: 'read a smaller part of it (crop it to the region, or split it)' }]);
  }
  return fileError(file, `could not be read as ${expected} (${detail.slice(0, 300)})`, 'unreadable');
}

/** Runs a reader's body so that anything it throws names the file (see wrapLibraryError). */
export function guardReader<T>(file: string, expected: string, read: () => T): T {
  try {
    const out = read();
    if (out instanceof Promise) return out.catch((e: unknown) => Promise.reject(wrapLibraryError(e, file, expected))) as T;
    return out;
  } catch (e) {
    throw wrapLibraryError(e, file, expected);
  }
}

/** Appends items one by one: `push(...items)` overflows the call stack beyond ~100,000 items. */
export function pushAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The error a cancelled import rejects with (same shape as fetch's). */
export function abortError(): Error {
  return new DOMException('Import cancelled.', 'AbortError');
}

export function isAbortError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}
