/**
 * The one Parquet layout a region pack's members may have (the layout the
 * pack writer makes): flat, every column REQUIRED, PLAIN, pages
 * uncompressed, no dictionary. It is checked from the footer and every page
 * header, before a value is decoded: a decoder given a damaged run length can
 * loop for minutes or fill memory (hyparquet's RLE and delta decoders trust
 * the lengths they read), and none of those decoders is reached by this layout.
 */
import { parquetMetadata } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { fileError } from '../errors.ts';

const damaged = (file: string, member: string, why: string) => fileError(file, `member ${member} is not a region-pack layer as this app writes them (${why}); the pack is damaged, or was re-saved by another tool: save it again from this app`, 'unreadable');

/**
 * Checks the member's layout and returns its row count.
 * @param maxRows rows the manifest allows for this member
 */
export function checkParquetLayout(bytes: Uint8Array, file: string, member: string, maxRows: number): number {
  const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
  let meta: ReturnType<typeof parquetMetadata>;
  try {
    meta = parquetMetadata(buffer, { geoparquet: false });
  } catch (e) {
    throw damaged(file, member, `its footer cannot be read: ${(e as Error).message.slice(0, 120)}`);
  }
  const rows = Number(meta.num_rows);
  if (!Number.isSafeInteger(rows) || rows < 0 || rows > maxRows) throw damaged(file, member, `${meta.num_rows} rows where the manifest allows ${maxRows}`);
  const [root, ...leaves] = meta.schema;
  if (!root || root.num_children !== leaves.length) throw damaged(file, member, 'nested columns');
  for (const leaf of leaves) if (leaf.num_children || leaf.repetition_type !== 'REQUIRED') throw damaged(file, member, `column ${leaf.name} is not a required flat column`);
  let groupRows = 0;
  for (const group of meta.row_groups) {
    const n = Number(group.num_rows);
    groupRows += n;
    if (group.columns.length !== leaves.length) throw damaged(file, member, 'a row group lacks columns');
    for (const chunk of group.columns) {
      const md = chunk.meta_data;
      if (!md) throw damaged(file, member, 'a column chunk without metadata');
      if (md.codec !== 'UNCOMPRESSED') throw damaged(file, member, `column ${md.path_in_schema.join('.')} is ${md.codec}-compressed`);
      if (md.dictionary_page_offset !== undefined) throw damaged(file, member, `column ${md.path_in_schema.join('.')} has a dictionary`);
      if (!md.encodings.every((e) => e === 'PLAIN')) throw damaged(file, member, `column ${md.path_in_schema.join('.')} uses ${md.encodings.join('/')}`);
      const start = Number(md.data_page_offset);
      const end = start + Number(md.total_compressed_size);
      if (!(start >= 0 && end <= bytes.byteLength && start < end)) throw damaged(file, member, 'a column chunk outside the file');
      const reader = { view: new DataView(buffer), offset: start };
      let values = 0;
      while (reader.offset < end) {
        let header: ReturnType<typeof parquetHeader>;
        try {
          header = parquetHeader(reader);
        } catch (e) {
          throw damaged(file, member, `a page header cannot be read: ${(e as Error).message.slice(0, 120)}`);
        }
        const page = header.data_page_header_v2 ?? header.data_page_header;
        const v2 = header.data_page_header_v2;
        if ((header.type !== 'DATA_PAGE_V2' && header.type !== 'DATA_PAGE') || !page) throw damaged(file, member, `a ${header.type} page`);
        if (page.encoding !== 'PLAIN') throw damaged(file, member, `a ${page.encoding} page`);
        if (v2 && (v2.num_nulls !== 0 || v2.definition_levels_byte_length !== 0 || v2.repetition_levels_byte_length !== 0)) throw damaged(file, member, 'a page with levels or nulls');
        if (header.compressed_page_size !== header.uncompressed_page_size || header.compressed_page_size < 0 || reader.offset + header.compressed_page_size > end) throw damaged(file, member, 'a page of the wrong size');
        if (!(page.num_values >= 0) || page.num_values > n - values) throw damaged(file, member, 'a page with more values than its row group');
        values += page.num_values;
        reader.offset += header.compressed_page_size;
      }
      if (values !== n) throw damaged(file, member, `a column with ${values} values in a row group of ${n}`);
    }
  }
  if (groupRows !== rows) throw damaged(file, member, 'row groups that do not add up');
  return rows;
}
