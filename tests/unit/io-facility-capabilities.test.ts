/**
 * The facility importer's hospital columns (issue 14 §4): capabilities
 * (救治中心 "胸痛中心、卒中中心", English words, planned ones) and
 * ambulances (a whole number ≥ 0); unknown words and bad counts are the
 * row's problems, naming the value and the accepted words.
 */
import { describe, expect, it } from 'vitest';
import { isError } from '../../src/io/errors.ts';
import { previewFacilities } from '../../src/io/facilities.ts';
import { mapCapabilities } from '../../src/io/facility-vocabulary.ts';
import { csv, gbk, utf8, xlsx } from '../helpers/fixtures-files.ts';

describe('capability words', () => {
  it('reads Chinese lists with 、 and commas, English words, and planned ones in brackets', () => {
    expect(mapCapabilities('胸痛中心、卒中中心')).toEqual({ has: ['chest-pain', 'stroke'], planned: [], unknown: [] });
    expect(mapCapabilities('Chest pain centre, stroke; trauma center')).toEqual({ has: ['chest-pain', 'stroke', 'trauma'], planned: [], unknown: [] });
    expect(mapCapabilities('危重孕产妇救治中心，危重新生儿救治中心，创伤中心（规划）')).toEqual({ has: ['maternal', 'neonatal'], planned: ['trauma'], unknown: [] });
    expect(mapCapabilities('maternal critical-care centre, neonatal (planned)')).toEqual({ has: ['maternal'], planned: ['neonatal'], unknown: [] });
    expect(mapCapabilities('无')).toEqual({ has: [], planned: [], unknown: [] });
    expect(mapCapabilities('胸痛中心、烧伤中心')).toEqual({ has: ['chest-pain'], planned: [], unknown: ['烧伤中心'] });
  });
});

describe('facility import: centres and ambulances', () => {
  it('reads a GBK CSV with 救治中心 and 救护车 columns; unknown centres and bad counts are row errors naming the value', async () => {
    const header = ['名称', '经度', '纬度', '救治中心', '救护车'];
    const rows = [
      ['晋江市医院', 118.58, 24.78, '胸痛中心、卒中中心、创伤中心', '5'],
      ['安海医院', 118.46, 24.72, '胸痛中心（规划）', '2辆'],
      ['卫生院', 118.5, 24.75, '', '0'],
      ['某医院', 118.52, 24.76, '胸痛中心、烧伤中心', '1'],
      ['某站', 118.53, 24.77, '', '两辆'],
      ['另站', 118.54, 24.77, '', '-1'],
      ['再站', 118.55, 24.77, '', '1.5'],
    ];
    const p = await previewFacilities(gbk(csv(header, rows)), { file: 'hospitals.csv', crs: 'WGS84' });
    expect(p.columnMapping).toMatchObject({ capabilities: '救治中心', ambulances: '救护车', plannedCapabilities: null });
    const byName = new Map(p.good.map((s) => [s.name, s]));
    expect(byName.get('晋江市医院')).toMatchObject({ capabilities: ['chest-pain', 'stroke', 'trauma'], ambulances: 5 });
    expect(byName.get('晋江市医院')!.plannedCapabilities).toBeUndefined();
    expect(byName.get('安海医院')).toMatchObject({ plannedCapabilities: ['chest-pain'], ambulances: 2 });
    expect(byName.get('安海医院')!.capabilities).toBeUndefined();
    expect(byName.get('卫生院')).toMatchObject({ ambulances: 0 });
    expect(byName.get('卫生院')!.capabilities).toBeUndefined();
    expect(p.good).toHaveLength(3);
    const errors = p.problems.filter(isError);
    expect(errors.map((e) => [e.row, e.code, e.column, e.value])).toEqual([
      [4, 'unknown-capability', '救治中心', '烧伤中心'],
      [5, 'bad-ambulances', '救护车', '两辆'],
      [6, 'bad-ambulances', '救护车', '-1'],
      [7, 'bad-ambulances', '救护车', '1.5'],
    ]);
    expect(errors[0].fix).toContain('卒中中心');
    expect(errors[0].fix).toContain('chest-pain');
  });

  it('reads English headers (capabilities, planned centres, ambulances) from XLSX', async () => {
    const bytes = await xlsx([
      ['name', 'lng', 'lat', 'capabilities', 'planned centres', 'ambulances'],
      ['Quangang hospital', 118.9, 25.12, '', 'chest-pain', 3],
      ['City hospital', 118.6, 24.9, 'stroke, trauma', 'stroke, maternal', 4],
      ['Bad', 118.6, 24.9, 'burns', '', ''],
    ]);
    const p = await previewFacilities(bytes, { file: 'h.xlsx', crs: 'WGS84' });
    expect(p.columnMapping).toMatchObject({ capabilities: 'capabilities', plannedCapabilities: 'planned centres', ambulances: 'ambulances' });
    expect(p.good.map((s) => [s.name, s.capabilities, s.plannedCapabilities, s.ambulances])).toEqual([
      ['Quangang hospital', undefined, ['chest-pain'], 3],
      // a centre it has is not also planned
      ['City hospital', ['stroke', 'trauma'], ['maternal'], 4],
    ]);
    expect(p.problems.filter(isError).map((e) => [e.row, e.code, e.value])).toEqual([[3, 'unknown-capability', 'burns']]);
  });

  it('a file without these columns gives stations without them', async () => {
    const p = await previewFacilities(utf8(csv(['名称', '经度', '纬度'], [['站', 118.5, 25.3]])), { file: 'plain.csv', crs: 'WGS84' });
    expect(p.good[0]).not.toHaveProperty('capabilities');
    expect(p.good[0]).not.toHaveProperty('ambulances');
  });
});
