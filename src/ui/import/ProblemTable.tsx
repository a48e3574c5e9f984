/** Every problem a reader found: file, row, column, level, reason, suggested fix (all plain text). */
import type { RowProblem } from '../../io/errors.ts';
import { useT } from '../i18n.ts';
import { problemReason } from './import-format.ts';

export function ProblemTable({ problems, testId = 'problem-table' }: { problems: readonly RowProblem[]; testId?: string }) {
  const { t } = useT();
  if (problems.length === 0) return <p className="muted small">{t('import.noProblems')}</p>;
  return (
    <div className="import-table-wrap">
      <table className="import-table" data-testid={testId}>
        <thead>
          <tr>
            <th>{t('import.col.file')}</th>
            <th>{t('import.col.row')}</th>
            <th>{t('import.col.column')}</th>
            <th>{t('import.col.level')}</th>
            <th>{t('import.col.reason')}</th>
            <th>{t('import.col.fix')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => {
            const severity = p.severity ?? 'error';
            return (
              <tr key={i} className={`problem ${severity}`} data-testid="problem-row" data-row={p.row} data-severity={severity} data-code={p.code ?? ''}>
                <td>{p.file}</td>
                <td>{p.row > 0 ? p.row : t('import.wholeFile')}</td>
                <td>{p.column ?? ''}</td>
                <td>{t(`import.level.${severity}`)}</td>
                <td>{problemReason(p, t)}</td>
                <td>{p.fix ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
