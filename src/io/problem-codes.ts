/**
 * Every reason code a reader can give a row or file problem. `RowProblem.code`
 * is typed by this list, so a reader cannot emit a code missing here, and the
 * i18n dictionaries label each one in both languages (a test checks).
 */
export const PROBLEM_CODES = [
  // the file as a whole
  'unsupported', 'unreadable', 'empty', 'binary', 'bad-encoding', 'damaged-text', 'csv-syntax', 'not-xlsx',
  'bad-json', 'not-geojson', 'projected-crs', 'not-zip', 'no-shp', 'no-dbf', 'no-prj', 'no-such-layer',
  'several-layers', 'corrupt', 'count-mismatch', 'other-datum', 'truncated', 'no-such-band', 'unsupported-pixels',
  'no-georeference', 'unsupported-crs', 'rotated', 'no-overlap', 'invalid-pixels', 'too-large', 'too-complex', 'too-many-cells', 'resolution-too-fine',
  'bad-resolution', 'no-zones',
  // columns and header
  'missing-column', 'no-such-column', 'duplicate-header', 'extra-cells', 'crs-assumed', 'default-kind',
  'default-status', 'default-area-type', 'no-name-field',
  // rows
  'missing-coordinates', 'not-a-number', 'swapped-lnglat', 'out-of-range', 'outside-region', 'near-region',
  'outside-china', 'zero-coordinates', 'missing-name', 'duplicate-id', 'duplicate-name', 'generated-id',
  'unknown-kind', 'unknown-status', 'generated-code', 'duplicate-code', 'unknown-area-type', 'bad-geometry',
  'bad-h3', 'no-data', 'duplicate-cell', 'bad-time', 'unknown-township', 'no-calls', 'unknown-capability', 'bad-ambulances',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];
