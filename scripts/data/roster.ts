/** Reads the 2020 roster of named health facilities of Quanzhou and Xiamen (names only, no addresses). */
import path from 'node:path';
import { readCsvFile } from './csv.ts';

const HEADER = ['province', 'city', 'city_code', 'name', 'address', 'tags'];

/** The roster's file name, as facility sources cite it. */
export const ROSTER_FILE = 'fujian_2020_roster_quanzhou_xiamen.csv';

export interface RosterRow {
  /** 1-based line of the file (the header is line 1). */
  row: number;
  /** City adcode the roster files it under (350500 or 350200). */
  city: string;
  /** The name as published, trimmed. */
  name: string;
}

/**
 * Reads `facilities/<ROSTER_FILE>`; throws with file and row on a wrong
 * header, a city code that is not 6 digits or an empty name.
 */
export function readRoster(rawDir: string): RosterRow[] {
  const file = path.join(rawDir, 'facilities', ROSTER_FILE);
  const rows = readCsvFile(file, HEADER.length);
  const header = rows[0]?.fields ?? [];
  if (header.join(',') !== HEADER.join(',')) throw new Error(`${file}: header is "${header.join(',')}" when expected "${HEADER.join(',')}"`);
  return rows.slice(1).map(({ line, fields }) => {
    const city = fields[2].trim();
    const name = fields[3].trim();
    if (!/^\d{6}$/.test(city)) throw new Error(`${file}: row ${line}, column city_code: "${city}" is not a 6-digit code`);
    if (name === '') throw new Error(`${file}: row ${line}, column name: empty`);
    return { row: line, city, name };
  });
}
