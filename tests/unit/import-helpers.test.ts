import { describe, expect, it } from 'vitest';
import type { RowProblem } from '../../src/io/errors.ts';
import type { Translate } from '../../src/i18n/index.ts';
import { translate } from '../../src/i18n/index.ts';
import { countProblems, preservedPct, problemReason, progressPct } from '../../src/ui/import/import-format.ts';

describe('wording what an import found', () => {
  const t: Translate = (key, params) => translate('zh-CN', key, params);

  it('the preserved share is the output total over the input total, in percent', () => {
    expect(preservedPct(1000, 999.5)).toBeCloseTo(99.95, 10);
    expect(preservedPct(0, 0)).toBe(100);
  });

  it('progress is a whole percentage between 0 and 100', () => {
    expect(progressPct(0.537)).toBe(53);
    expect(progressPct(1.2)).toBe(100);
    expect(progressPct(-1)).toBe(0);
  });

  it('a known problem code gets a translated label before the reader\'s reason; an unknown one shows the reason alone', () => {
    expect(problemReason({ file: 'a.csv', row: 4, code: 'missing-coordinates', reason: 'empty longitude' }, t)).toBe('缺少坐标: empty longitude');
    expect(problemReason({ file: 'a.csv', row: 4, code: 'something-new' as RowProblem['code'], reason: 'odd' }, t)).toBe('odd');
    expect(problemReason({ file: 'a.csv', row: 4, reason: 'odd' }, t)).toBe('odd');
  });

  it('errors (rows left out) and warnings (rows kept) are counted apart', () => {
    expect(countProblems([{ file: 'f', row: 1, reason: 'x' }, { file: 'f', row: 2, reason: 'y', severity: 'warning' }, { file: 'f', row: 3, reason: 'z', severity: 'error' }])).toEqual({ errors: 2, warnings: 1 });
  });
});
