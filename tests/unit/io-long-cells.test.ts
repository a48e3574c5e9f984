/**
 * Cells far longer than any value (found by the fuzz tests): the number and
 * header patterns take time linear in the text, so a cell of 200,000
 * characters is refused as a number, or read as a header, in milliseconds.
 */
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { normaliseHeader, parseCoordinate, parseNumber } from '../../src/io/columns.ts';
import { readH3PopulationTable } from '../../src/io/population-h3.ts';
import { cpuTime } from '../helpers/cpu-time.ts';
import { csv, utf8 } from '../helpers/fixtures-files.ts';

const timed = <T>(f: () => T): [T, number] => {
  const before = process.cpuUsage();
  const out = f();
  const used = process.cpuUsage(before);
  return [out, (used.user + used.system) / 1000];
};

describe('very long cells', () => {
  it('a number of 200,000 digits followed by a letter is no number, found in linear time', () => {
    const text = `117${'9'.repeat(200_000)}x`;
    const [n, ms] = timed(() => parseNumber(text));
    expect(n).toBeNaN();
    expect(parseCoordinate(text)).toBeNaN();
    expect(ms).toBeLessThan(200);
  });

  it('a header of 200,000 opening brackets is normalised in linear time', () => {
    const [h, ms] = timed(() => normaliseHeader('('.repeat(200_000)));
    expect(h).toHaveLength(200_000);
    expect(ms).toBeLessThan(200);
    expect(normaliseHeader('经度（GCJ-02）')).toBe('经度');
  });

  it('an H3 table with such a population cell reports that row and reads the others', async () => {
    const text = csv(['h3', 'population'], [[latLngToCell(25.3, 118.2, 9), 5], [latLngToCell(25.31, 118.2, 9), `1${'9'.repeat(200_000)};`]]);
    const { value: result, ms } = await cpuTime(() => readH3PopulationTable(utf8(text), { file: 'long.csv', resolution: 9 }));
    expect(ms).toBeLessThan(2_000);
    expect(result.summary.problems.map((p) => [p.row, p.code])).toEqual([[2, 'not-a-number']]);
  });
});
