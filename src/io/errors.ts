/** Row-level problems found while reading a file: which file, row, column and why. */

export interface RowProblem {
  file: string;
  /** 1-based data row (header excluded), or 0 for the file as a whole. */
  row: number;
  column?: string;
  reason: string;
}

export function describeProblem(p: RowProblem): string {
  const where = p.row > 0 ? `row ${p.row}${p.column ? `, column "${p.column}"` : ''}` : 'file';
  return `${p.file}: ${where}: ${p.reason}`;
}

/** Thrown when a file cannot be used at all; carries every problem found, not just the first. */
export class DataFileError extends Error {
  constructor(readonly problems: RowProblem[]) {
    const shown = problems.slice(0, 10).map(describeProblem).join('\n');
    const more = problems.length > 10 ? `\n… and ${problems.length - 10} more problems` : '';
    super(shown + more);
    this.name = 'DataFileError';
  }
}
