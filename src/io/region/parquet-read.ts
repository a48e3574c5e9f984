/**
 * Reading Parquet members with hyparquet: whole columns as typed arrays (the
 * cells), or rows as objects (the small tables). Every failure names the file
 * and the member.
 */
import { parquetMetadata, parquetRead, parquetReadObjects } from 'hyparquet';
import { fileError } from '../errors.ts';

type Typed = Float64Array | Int32Array | BigInt64Array;
type TypedConstructor = { new (length: number): Typed };

/** The member's bytes as a standalone ArrayBuffer (hyparquet reads ArrayBuffers). */
function bufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
}

/**
 * Whole columns of a member as typed arrays of `rows` values.
 * @param columns name → the array type to fill
 */
export async function readColumns<K extends string>(bytes: Uint8Array, file: string, member: string, rows: number, columns: Record<K, TypedConstructor>): Promise<Record<K, Typed>> {
  const names = Object.keys(columns) as K[];
  const out = Object.fromEntries(names.map((k) => [k, new columns[k](rows)])) as Record<K, Typed>;
  const filled = Object.fromEntries(names.map((k) => [k, 0])) as Record<K, number>;
  const file_ = bufferOf(bytes);
  // one column at a time: hyparquet reads a row group's columns concurrently, and a second failure would go unhandled
  try {
    for (const name of names) await parquetRead({
      file: file_,
      columns: [name],
      utf8: false,
      onChunk: ({ columnName, columnData, rowStart, rowEnd }) => {
        const name = columnName as K;
        const target = out[name];
        if (!target) return;
        if (rowEnd > rows) throw new Error(`column ${columnName} has more than the ${rows} rows the manifest gives`);
        const source = columnData as ArrayLike<number | bigint>;
        if (ArrayBuffer.isView(source) && source.constructor === target.constructor) (target as Float64Array).set(source as unknown as Float64Array, rowStart);
        else for (let i = 0; i < source.length; i++) (target as unknown as (number | bigint)[])[rowStart + i] = source[i];
        filled[name] += rowEnd - rowStart;
      },
    });
  } catch (e) {
    throw fileError(file, `member ${member} could not be read (${(e as Error).message.slice(0, 200)})`, 'unreadable');
  }
  for (const k of names) if (filled[k] !== rows) throw fileError(file, `member ${member}: column ${k} has ${filled[k]} values where the manifest gives ${rows}; the pack is damaged`, 'unreadable');
  return out;
}

/** Every row of a (small) member as an object. */
export async function readRows(bytes: Uint8Array, file: string, member: string): Promise<Record<string, unknown>[]> {
  const buffer = bufferOf(bytes);
  try {
    // one column at a time (see readColumns), then joined row by row
    const names = parquetMetadata(buffer, { geoparquet: false }).schema.slice(1).map((e) => e.name);
    let rows: Record<string, unknown>[] = [];
    for (const name of names) {
      const column = (await parquetReadObjects({ file: buffer, columns: [name] })) as Record<string, unknown>[];
      rows = column.map((r, i) => ({ ...rows[i], ...r }));
    }
    return rows;
  } catch (e) {
    throw fileError(file, `member ${member} could not be read (${(e as Error).message.slice(0, 200)})`, 'unreadable');
  }
}

/** One column of a member as plain values: text as strings, other byte arrays (WKB lines) as their bytes. */
export async function readValues(bytes: Uint8Array, file: string, member: string, column: string): Promise<unknown[]> {
  const buffer = bufferOf(bytes);
  try {
    const metadata = parquetMetadata(buffer, { geoparquet: false });
    if (!metadata.schema.some((e) => e.name === column)) throw new Error(`it has no column ${column}`);
    const rows = (await parquetReadObjects({ file: buffer, metadata, columns: [column], utf8: false })) as Record<string, unknown>[];
    return rows.map((r) => r[column]);
  } catch (e) {
    throw fileError(file, `member ${member} could not be read (${(e as Error).message.slice(0, 200)})`, 'unreadable');
  }
}
