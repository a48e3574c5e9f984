/** Line breaking of page text (Chinese breaks anywhere, Latin at spaces) and the view a snapshot prints. */
import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/export/snapshot/text-wrap.ts';
import { mercatorAspect, pointsBox, printBounds } from '../../src/export/snapshot/view.ts';

// one unit per character: easy to count by hand
const measure = (s: string) => Array.from(s).length;

describe('wrapText', () => {
  it('breaks Chinese between any two characters', () => {
    expect(wrapText('行政边界为近似边界', 4, measure)).toEqual(['行政边界', '为近似边', '界']);
  });
  it('breaks Latin at spaces and keeps words whole', () => {
    expect(wrapText('Boundaries are approximate here', 12, measure)).toEqual(['Boundaries', 'are', 'approximate', 'here']);
    expect(wrapText('a bb ccc', 4, measure)).toEqual(['a bb', 'ccc']);
  });
  it('mixes both: 人口 422,531 人 keeps the number whole', () => {
    expect(wrapText('常住人口422,531人', 7, measure)).toEqual(['常住人口', '422,531', '人']);
  });
  it('does not start a line with closing punctuation: the character before moves down with it', () => {
    expect(wrapText('甲乙丙丁。', 4, measure)).toEqual(['甲乙丙', '丁。']);
    expect(wrapText('乡镇（近似）', 5, measure)).toEqual(['乡镇（近', '似）']);
  });
  it('splits a word longer than the line by character, keeps newlines', () => {
    expect(wrapText('abcdefgh', 3, measure)).toEqual(['abc', 'def', 'gh']);
    expect(wrapText('一\n二', 10, measure)).toEqual(['一', '二']);
  });
  it('a string that fits is one line', () => {
    expect(wrapText('WGS84', 10, measure)).toEqual(['WGS84']);
  });
});

describe('what a snapshot prints', () => {
  const view: [number, number, number, number] = [117, 24, 119, 26];
  it('a view wider than the region is trimmed to the region plus 4 %', () => {
    const b = printBounds(view, [118, 25, 118.5, 25.5]);
    expect(b.map((v) => Number(v.toFixed(6)))).toEqual([117.98, 24.98, 118.52, 25.52]);
  });
  it('a view inside the region (zoomed in) prints as it is', () => {
    expect(printBounds([118.1, 25.1, 118.2, 25.2], [118, 25, 118.5, 25.5])).toEqual([118.1, 25.1, 118.2, 25.2]);
  });
  it('no region, or a region outside the view: the view', () => {
    expect(printBounds(view, null)).toEqual(view);
    expect(printBounds(view, [120, 30, 121, 31])).toEqual(view);
  });
  it('the box of cell centres', () => {
    expect(pointsBox([118, 118.5, 118.2], [25.5, 25, 25.2])).toEqual([118, 25, 118.5, 25.5]);
    expect(pointsBox([], [])).toBeNull();
  });
  it('Mercator aspect: a degree square is 1:1 at the equator and wider than tall at 25°N (1 / cos 25° ≈ 1.10 taller per degree)', () => {
    expect(mercatorAspect([0, -0.5, 1, 0.5])).toBeCloseTo(1, 3);
    expect(mercatorAspect([118, 24.5, 119, 25.5])).toBeCloseTo(Math.cos((25 * Math.PI) / 180), 2);
  });
});
