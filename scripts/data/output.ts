/**
 * Deterministic writers: one record per line for arrays and feature
 * collections (small diffs, greppable), LF line ends, trailing newline.
 * Byte-identical output needs identical input order, so callers sort first.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature } from 'geojson';

export interface WrittenFile {
  /** Path relative to the output directory, with forward slashes. */
  file: string;
  bytes: number;
}

function write(outDir: string, file: string, text: string): WrittenFile {
  const full = path.join(outDir, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  return { file, bytes: Buffer.byteLength(text) };
}

/** A text file as given (LF line ends expected). */
export function writeText(outDir: string, file: string, text: string): WrittenFile {
  return write(outDir, file, text);
}

/** A JSON array with one element per line. */
export function writeJsonLines(outDir: string, file: string, items: readonly unknown[]): WrittenFile {
  const body = items.map((x) => JSON.stringify(x)).join(',\n');
  return write(outDir, file, items.length ? `[\n${body}\n]\n` : '[]\n');
}

/** Pretty JSON (2-space indent). */
export function writeJson(outDir: string, file: string, value: unknown): WrittenFile {
  return write(outDir, file, `${JSON.stringify(value, null, 2)}\n`);
}

/** A GeoJSON FeatureCollection with one feature per line. */
export function writeFeatureCollection(outDir: string, file: string, features: readonly Feature[]): WrittenFile {
  const body = features.map((f) => JSON.stringify({ type: 'Feature', properties: f.properties, geometry: f.geometry })).join(',\n');
  return write(outDir, file, `{"type":"FeatureCollection","features":[\n${body}\n]}\n`);
}

/** A CSV with a header row; fields must not need quoting (checked). */
export function writeCsv(outDir: string, file: string, header: readonly string[], rows: readonly (readonly (string | number)[])[]): WrittenFile {
  const lines = [header.join(',')];
  for (const row of rows) {
    const fields = row.map(String);
    for (const f of fields) if (/[",\r\n]/.test(f)) throw new Error(`${file}: field "${f}" would need quoting`);
    lines.push(fields.join(','));
  }
  return write(outDir, file, `${lines.join('\n')}\n`);
}
