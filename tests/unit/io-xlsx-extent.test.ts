/**
 * XLSX sheets whose cell addresses claim more than Excel allows (row
 * 1,048,576, column XFD), or a far corner that would make the reader fill
 * billions of empty cells, are refused with the address and the limit
 * before any row is read.
 */
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/io/errors.ts';
import { previewFacilities } from '../../src/io/facilities.ts';
import { readXlsxTable } from '../../src/io/table.ts';
import { cpuTime } from '../helpers/cpu-time.ts';
import { facilityRows, fastXlsx, FACILITY_HEADER } from '../helpers/large-files.ts';

const rows = [FACILITY_HEADER, ...facilityRows(20)];

describe('XLSX sheet extents', () => {
  it('refuses a row numbered beyond Excel’s 1,048,576, naming it', async () => {
    const bytes = fastXlsx(rows, '<row r="50000000"><c r="A50000000"><v>1</v></c></row>');
    const { ms } = await cpuTime(() => expect(readXlsxTable(bytes, { file: 'far-row.xlsx' })).rejects.toSatisfy((e: unknown) => e instanceof DataFileError && /^far-row\.xlsx: .*row 50,000,000.*1,048,576/.test(e.message)));
    expect(ms).toBeLessThan(2_000);
  });

  it('refuses a cell beyond column XFD (16,384)', async () => {
    const bytes = fastXlsx(rows, '<row r="30"><c r="ZZZZ30"><v>1</v></c></row>');
    await expect(readXlsxTable(bytes, { file: 'far-column.xlsx' })).rejects.toThrow(/^far-column\.xlsx: .*column ZZZZ.*16,384/);
  });

  it('refuses a 100,000-row sheet with one cell in column XFD: 1.6 billion cells to fill, more than the table limit', async () => {
    const many = [FACILITY_HEADER, ...Array.from({ length: 100_000 }, (_, i) => [`F${i}`, `站${i}`, 118.2, 25.3, '急救站', '现有'])];
    const bytes = fastXlsx(many, '<row r="100002"><c r="XFD100002"><v>1</v></c></row>');
    const { ms } = await cpuTime(() => expect(previewFacilities(bytes, { file: 'corner.xlsx' })).rejects.toThrow(/^corner\.xlsx: .*100,002 rows × 16,384 columns/));
    expect(ms).toBeLessThan(5_000);
  }, 60_000);
});
