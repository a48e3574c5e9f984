/**
 * Tables with very many columns: an H3 table keeps only the columns it reads
 * (so 5,000 columns × 4,000 rows stay small and quick), and a header wider
 * than a spreadsheet can be is refused at once, with the count and the limit.
 */
import { polygonToCells } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/io/errors.ts';
import { IMPORT_LIMITS } from '../../src/io/limits.ts';
import { readH3PopulationTable } from '../../src/io/population-h3.ts';
import { readCsvTable, readMappedTable } from '../../src/io/table.ts';
import { cpuTime } from '../helpers/cpu-time.ts';
import { utf8 } from '../helpers/fixtures-files.ts';

const h3Cells = (n: number) => polygonToCells([[[25.2, 118.0], [25.6, 118.0], [25.6, 118.5], [25.2, 118.5]]], 9).slice(0, n);

/** An h3,population table with `extra` more columns on every line. */
function wideH3Table(rows: number, extra: number): Uint8Array {
  const tail = Array.from({ length: extra }, (_, k) => k % 10).join(',');
  const header = ['h3', 'population', ...Array.from({ length: extra }, (_, k) => `c${k}`)].join(',');
  return utf8([header, ...h3Cells(rows).map((h, i) => `${h},${i % 50},${tail}`)].join('\n'));
}

describe('wide tables', () => {
  it('an H3 table of 4,000 rows × 5,000 columns keeps only the two columns it uses and reads in under 10 s of CPU time', async () => {
    const bytes = wideH3Table(4_000, 5_000);
    const { table, mapping } = await readMappedTable(bytes, { file: 'wide.csv' }, { h3: ['h3'], population: ['population'] }, 'an H3 table');
    expect(table.header).toHaveLength(5_002);
    expect(Object.keys(table.rows[0].values).sort()).toEqual([mapping.h3, mapping.population].sort());
    const { value: r, ms } = await cpuTime(() => readH3PopulationTable(bytes, { file: 'wide.csv', resolution: 9 }));
    expect(ms).toBeLessThan(10_000);
    expect(r.summary.rows).toBe(4_000);
  }, 60_000);

  it(`refuses a header of more than ${IMPORT_LIMITS.maxColumns.toLocaleString('en-US')} columns (Excel's own limit) before reading any row`, async () => {
    const bytes = wideH3Table(3, IMPORT_LIMITS.maxColumns);
    await expect(readH3PopulationTable(bytes, { file: 'too-wide.csv', resolution: 9 })).rejects.toSatisfy(
      (e: unknown) => e instanceof DataFileError && e.problems[0].code === 'too-large' && /^too-wide\.csv: row 0|^too-wide\.csv: file: /.test(e.message) && /16,386 columns, more than the 16,384/.test(e.message),
    );
    expect(() => readCsvTable(bytes, { file: 'too-wide.csv' })).toThrow(/too-wide\.csv: .*16,386 columns/);
  });

  it('gives a header of 16,000 copies of one name unique names in linear time', async () => {
    const header = Array.from({ length: 16_000 }, () => '人口').join(',');
    const { value: t, ms } = await cpuTime(() => readCsvTable(utf8(`${header}\n${Array.from({ length: 16_000 }, () => '1').join(',')}\n`), { file: 'same.csv' }));
    expect(ms).toBeLessThan(2_000);
    expect(new Set(t.header).size).toBe(16_000);
    expect(t.header[15_999]).toBe('人口 (16000)');
  });
});
