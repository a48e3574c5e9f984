/**
 * The data build's reading of roster names (county, township, category, the
 * stated basis) and of the WorldPop grid, on names and cells whose answer is
 * known by hand.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rosterBasis } from '../../scripts/data/roster-facilities.ts';
import { categoryOf, countyOfName, townshipsInName, townshipWord } from '../../scripts/data/roster-names.ts';
import type { Township } from '../../scripts/data/townships.ts';
import { readWorldPop } from '../../scripts/data/worldpop.ts';

const counties = [
  { adcode: '350503', name: '丰泽区' },
  { adcode: '350505', name: '泉港区' },
  { adcode: '350502', name: '鲤城区' },
  { adcode: '350525', name: '永春县' },
  { adcode: '350526', name: '德化县' },
  { adcode: '350524', name: '安溪县' },
];
const town = (code: string, name: string, countyName: string): Township => ({
  code,
  name,
  county: code.slice(0, 6),
  countyName,
  seat: [118, 25],
  villageUnits: 1,
  urCodes: {},
  areaType: 'rural',
  hasZone: true,
});

describe('roster names', () => {
  it('the county from the start of a name: full or short, after 泉州市; a repeated full prefix goes too', () => {
    expect(countyOfName('泉州市泉港区医院', counties)).toEqual({ county: '350505', rest: '医院' });
    expect(countyOfName('鲤城妇幼保健院/鲤中社区卫生服务中心', counties)).toEqual({ county: '350502', rest: '妇幼保健院/鲤中社区卫生服务中心' });
    expect(countyOfName('永春县永春县外山卫生院', counties)).toEqual({ county: '350525', rest: '外山卫生院' });
    // the short name is not stripped twice: 丰泽街道 keeps its word
    expect(countyOfName('丰泽区丰泽街道社区卫生服务中心', counties)).toEqual({ county: '350503', rest: '丰泽街道社区卫生服务中心' });
    expect(countyOfName('第910医院', counties)).toEqual({ county: null, rest: '第910医院' });
  });

  it('a township word drops 镇, 乡, 街道… but keeps names that would shrink below two characters', () => {
    expect(townshipWord({ name: '达埔镇', countyName: '永春县' })).toBe('达埔');
    expect(townshipWord({ name: '山腰街道办事处', countyName: '泉港区' })).toBe('山腰');
    expect(townshipWord({ name: '百崎回族乡', countyName: '惠安县' })).toBe('百崎');
    expect(townshipWord({ name: '晋江市经济开发区', countyName: '晋江市' })).toBe('经济开发区');
  });

  it('finds the township in a name, the longer word winning (龙门滩 over 龙门)', () => {
    const dehua = [town('350526103000', '龙门滩镇', '德化县'), town('350526999000', '龙门镇', '德化县'), town('350526110000', '盖德镇', '德化县')];
    expect(townshipsInName('龙门滩镇卫生院', dehua).map((t) => t.name)).toEqual(['龙门滩镇']);
    expect(townshipsInName('盖德卫生院', dehua).map((t) => t.name)).toEqual(['盖德镇']);
    expect(townshipsInName('医院', dehua)).toEqual([]);
  });

  it('the category by the name\'s ending; a bracketed remark does not change it', () => {
    expect(categoryOf('洛江区洛江区医院(马甲中心卫生院)')).toBe('hosp');
    expect(categoryOf('永春县一都中心卫生院')).toBe('hc');
    expect(categoryOf('鲤城区江南街道社区卫生服中心')).toBe('chc');
    expect(categoryOf('安溪县城关卫生服务中心')).toBe('chc');
    expect(categoryOf('晋江市妇幼保健院')).toBe('mch');
    expect(categoryOf('厦门市同安区中医医院')).toBe('tcm');
    expect(categoryOf('南安市康复院')).toBe('spec');
  });

  it('the stated basis: county general and TCM hospitals and 中心卫生院 are 120 points, outside 永春县; the rest candidates', () => {
    expect(rosterBasis('350524', '安溪县医院', '医院')).toBe('assumed');
    expect(rosterBasis('350524', '安溪县中医院', '中医院')).toBe('assumed');
    expect(rosterBasis('350524', '安溪县剑斗中心卫生院', '剑斗中心卫生院')).toBe('assumed');
    expect(rosterBasis('350524', '安溪县妇幼保健院', '妇幼保健院')).toBe('candidate');
    expect(rosterBasis('350524', '安溪县蓬莱卫生院', '蓬莱卫生院')).toBe('candidate');
    expect(rosterBasis('350524', '安溪县官桥医院', '官桥医院')).toBe('candidate');
    expect(rosterBasis('350525', '永春县中医院', '中医院')).toBe('candidate');
    expect(rosterBasis('350525', '永春县湖洋中心卫生院', '湖洋中心卫生院')).toBe('candidate');
  });
});

describe('the WorldPop grid', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'worldpop-'));
  mkdirSync(path.join(dir, 'worldpop'));
  const file = path.join(dir, 'worldpop', 'fujian_10km_2020.csv');

  it('finds the square holding a point, also within the 1e-5° the file rounds edges by', () => {
    // two squares side by side, as the file writes them (5 decimals)
    writeFileSync(file, 'lng_min,lat_min,lng_max,lat_max,population_2020\n118.08208,25.25792,118.16542,25.34125,100\n118.16542,25.25792,118.24875,25.34125,250.5\n');
    const grid = readWorldPop(dir);
    expect(grid.cellAt(118.1, 25.3)?.population).toBe(100);
    expect(grid.cellAt(118.2, 25.3)?.population).toBe(250.5);
    expect(grid.cellAt(118.165425, 25.3)?.population).toBe(250.5);
    expect(grid.cellAt(118.165415, 25.3)?.population).toBe(100);
    expect(grid.cellAt(118.3, 25.3)).toBeNull();
    expect(grid.neighbours(grid.cellAt(118.1, 25.3)!).map((c) => c.population)).toEqual([250.5]);
  });

  it('refuses a box that is not one 1/12° square and a negative population, naming file and row', () => {
    writeFileSync(file, 'lng_min,lat_min,lng_max,lat_max,population_2020\n118.08208,25.25792,118.26542,25.34125,100\n');
    expect(() => readWorldPop(dir)).toThrow(/fujian_10km_2020\.csv: row 2: the box .* is not one 1\/12° grid cell/);
    writeFileSync(file, 'lng_min,lat_min,lng_max,lat_max,population_2020\n118.08208,25.25792,118.16542,25.34125,-1\n');
    expect(() => readWorldPop(dir)).toThrow(/row 2, column population_2020: -1 is negative/);
    rmSync(dir, { recursive: true, force: true });
  });
});
