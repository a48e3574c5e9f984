/**
 * The pure parts of the handout: the PNG's pHYs chunk, the PDF writer's
 * text layer (read back with pdftotext), the framing of the region, the
 * flow of tables over pages, the rule reading and the gap table.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decode, encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, makeRules } from '../../src/core/rules.ts';
import { columnWidths } from '../../src/export/snapshot/compose-tables.ts';
import { gapBlock, NUMBERED_GAPS } from '../../src/export/snapshot/figures.ts';
import { frameHolds, frameView, projectInFrame } from '../../src/export/snapshot/framing.ts';
import { flowTables, gapTable, townshipTable } from '../../src/export/snapshot/handout-tables.ts';
import { loadPlaceNames, placeName } from '../../src/i18n/index.ts';
import { runsInPoints } from '../../src/export/snapshot/pdf.ts';
import { pdfTextString, toUnicodeCMap, ucs2Hex, writePdf } from '../../src/export/snapshot/pdf-writer.ts';
import { crc32, pixelsPerMetre, pngChunks, readPngDpi, withPngDpi } from '../../src/export/snapshot/png-dpi.ts';
import { changedParameters, changedSpeeds, ruleBlock } from '../../src/export/snapshot/rule-reading.ts';
import { CLASS_SPEEDS_KMH } from '../../src/core/roads/speeds.ts';
import { baselineOf, leftOf } from '../../src/export/snapshot/text-record.ts';
import type { HandoutGap, Texts } from '../../src/export/snapshot/types.ts';
import type { Box } from '../../src/export/snapshot/view.ts';
import { formatNumber, formatPercent, translate } from '../../src/ui/i18n.ts';

const texts = (language: 'zh-CN' | 'en'): Texts => ({
  t: (k, p) => translate(language, k, p),
  n: (v, d = 0) => formatNumber(language, v, d),
  pct: (v) => formatPercent(language, v),
});
const zh = texts('zh-CN');
const en = texts('en');

const tinyPng = () => encode({ width: 3, height: 2, data: new Uint8Array(3 * 2 * 4).fill(200), channels: 4, depth: 8 });

describe('PNG print resolution (pHYs)', () => {
  it('300 dpi is 11,811 px/m and 150 dpi 5,906 (PNG stores whole pixels per metre)', () => {
    expect(pixelsPerMetre(300)).toBe(11811);
    expect(pixelsPerMetre(150)).toBe(5906);
    expect(pixelsPerMetre(96)).toBe(3780);
  });

  it('CRC-32 matches the published check value and PNG\'s IEND chunk', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });

  it('inserts one pHYs right after IHDR; the image decodes to the same pixels', () => {
    const png = tinyPng();
    const out = withPngDpi(png, 300);
    expect(out.length).toBe(png.length + 21);
    const types = pngChunks(out).map((c) => c.type);
    expect(types[0]).toBe('IHDR');
    expect(types[1]).toBe('pHYs');
    expect(types.filter((t) => t === 'pHYs')).toHaveLength(1);
    const view = new DataView(out.buffer, out.byteOffset);
    const at = pngChunks(out)[1].offset;
    expect([view.getUint32(at), view.getUint32(at + 8), view.getUint32(at + 12), out[at + 16]]).toEqual([9, 11811, 11811, 1]);
    expect(view.getUint32(at + 17)).toBe(crc32(out.subarray(at + 4, at + 17)));
    const img = decode(out);
    expect([img.width, img.height, img.data[0]]).toEqual([3, 2, 200]);
    expect(readPngDpi(out)?.x).toBeCloseTo(300, 0);
  });

  it('replaces an existing pHYs instead of adding a second', () => {
    const twice = withPngDpi(withPngDpi(tinyPng(), 72), 300);
    expect(pngChunks(twice).filter((c) => c.type === 'pHYs')).toHaveLength(1);
    expect(readPngDpi(twice)?.pixelsPerMetre).toEqual([11811, 11811]);
  });

  it('refuses what is not a PNG', () => {
    expect(() => withPngDpi(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]), 300)).toThrow(/Not a PNG/);
    expect(() => withPngDpi(tinyPng(), 0)).toThrow(/positive/);
  });
});

describe('PDF text layer', () => {
  it('codes are UCS-2 (what UniGB-UCS2-H reads); beyond the BMP becomes U+FFFD', () => {
    expect(ucs2Hex('永A')).toBe('6C380041');
    expect(ucs2Hex('𠀀')).toBe('FFFD');
  });

  it('info strings are UTF-16BE with a byte-order mark', () => {
    expect(pdfTextString('永')).toBe('(\\376\\377\\154\\070)');
  });

  it('the ToUnicode CMap maps each used high byte as one range, at most 100 a block', () => {
    const cmap = toUnicodeCMap([0x6c, 0x00, 0x6c]);
    expect(cmap).toContain('2 beginbfrange\n<0000> <00FF> <0000>\n<6C00> <6CFF> <6C00>\nendbfrange');
    expect(toUnicodeCMap(Array.from({ length: 150 }, (_, i) => i)).match(/beginbfrange/g)).toHaveLength(2);
  });

  it('canvas pixels become points at the page dpi', () => {
    const [run] = runsInPoints([{ text: 'A', x: 300, baseline: 600, px: 50, width: 30 }], 300);
    expect([run.x, run.baseline, run.size]).toEqual([72, 144, 12]);
    expect(run.width).toBeCloseTo(7.2, 9);
  });

  it('a written PDF has a correct cross-reference table and pdftotext reads its Chinese and Latin text', () => {
    const pdf = writePdf(
      [
        {
          widthPt: 595.28,
          heightPt: 841.89,
          jpeg: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]),
          imageWidth: 1,
          imageHeight: 1,
          text: [
            { text: '永春县急救站点覆盖分析', x: 50, baseline: 80, size: 20, width: 220 },
            { text: '262,160 人（62.0%）', x: 50, baseline: 120, size: 10, width: 90 },
          ],
        },
        { widthPt: 595.28, heightPt: 841.89, jpeg: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), imageWidth: 1, imageHeight: 1, text: [{ text: '桃城镇 39,389', x: 50, baseline: 80, size: 10, width: 60 }] },
      ],
      { title: '永春县', subject: 's', creator: 'c' },
    );
    const latin = Buffer.from(pdf).toString('latin1');
    expect(latin.startsWith('%PDF-1.4\n')).toBe(true);
    // every xref entry points at its object
    const xrefAt = Number(/startxref\n(\d+)/.exec(latin)![1]);
    expect(latin.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const entries = latin.slice(xrefAt).split('\n').slice(3).filter((l) => / n $/.test(l));
    entries.forEach((e, i) => expect(latin.slice(Number(e.slice(0, 10)), Number(e.slice(0, 10)) + 10)).toMatch(new RegExp(`^${i + 1} 0 obj`)));
    expect(latin).toContain('/BaseFont /STSong-Light /Encoding /UniGB-UCS2-H');
    expect(latin).toContain('3 Tr');
    expect(latin.match(/\/Type \/Page\b/g)).toHaveLength(2);

    const file = path.join(mkdtempSync(path.join(tmpdir(), 'handout-')), 't.pdf');
    writeFileSync(file, pdf);
    const page1 = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    expect(page1).toContain('永春县急救站点覆盖分析');
    expect(page1).toContain('262,160 人（62.0%）');
    expect(execFileSync('pdftotext', ['-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' })).toContain('桃城镇 39,389');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Title:\s+永春县/);
  });
});

describe('canvas text positions', () => {
  it('a top-aligned line has its baseline 0.88 em down; right- and centre-aligned text starts left of x', () => {
    expect(baselineOf(100, 'top', 50)).toBe(144);
    expect(baselineOf(100, 'alphabetic', 50)).toBe(100);
    expect(leftOf(100, 'right', 40)).toBe(60);
    expect(leftOf(100, 'center', 40)).toBe(80);
    expect(leftOf(100, 'left', 40)).toBe(100);
  });
});

describe('framing the region', () => {
  // roughly 永春县
  const yongchun: Box = [117.68, 25.2, 118.52, 25.6];

  it('centres the region and fits it with the margin on the tighter side', () => {
    for (const [w, h] of [
      [1000, 400],
      [400, 1000],
      [823, 411],
    ]) {
      const view = frameView(yongchun, w, h, 0.03);
      expect(frameHolds(view, w, h, yongchun)).toBe(true);
      const [left, top] = projectInFrame(view, w, h, [yongchun[0], yongchun[3]]);
      const [right, bottom] = projectInFrame(view, w, h, [yongchun[2], yongchun[1]]);
      // centred: equal room left and right, above and below
      expect(left).toBeCloseTo(w - right, 6);
      expect(top).toBeCloseTo(h - bottom, 6);
      // tight: 3 % of the frame clear on the limiting side
      expect(Math.min(left / w, top / h)).toBeCloseTo(0.03, 6);
    }
  });

  it('zoom by hand: 1° of longitude across 512 px at zoom z is 512·2^z/360 px', () => {
    // a box 360/512 ° wide fills 1 px per CSS px at zoom 0… scaled: a 1° box in a 1000-px frame, no margin
    const view = frameView([0, -0.001, 1, 0.001], 1000, 1000, 0);
    expect(512 * 2 ** view.zoom / 360).toBeCloseTo(1000, 6);
  });

  it('the same box and frame give the same camera every time (no dependence on the live view)', () => {
    expect(frameView(yongchun, 823, 411)).toEqual(frameView(yongchun, 823, 411));
  });

  it('a point outside the box may fall outside the frame', () => {
    const view = frameView(yongchun, 800, 400, 0.03);
    expect(frameHolds(view, 800, 400, [117, 25.2, 118.52, 25.6])).toBe(false);
  });

  it('refuses an empty frame or box', () => {
    expect(() => frameView(yongchun, 0, 100)).toThrow(/positive size/);
    expect(() => frameView([1, 1, 1, 2], 100, 100)).toThrow(/west < east/);
  });
});

describe('tables over pages', () => {
  it('a table longer than a slot continues in the next with its head again', () => {
    expect(flowTables([30], 20, 2).map((s) => s.map((p) => [p.from, p.to, p.continued]))).toEqual([[[0, 18, false]], [[18, 30, true]]]);
  });

  it('22 townships with a total and 7 gap areas share one slot of 40 lines', () => {
    const slots = flowTables([22, 7], 40, 2, [true, false]);
    expect(slots).toHaveLength(1);
    expect(slots[0].map((p) => [p.table, p.from, p.to, p.withTotal])).toEqual([
      [0, 0, 22, true],
      [1, 0, 7, false],
    ]);
  });

  it('a table that would start with fewer than two rows under its head starts in the next slot', () => {
    const slots = flowTables([17, 5], 20, 2);
    // 17 rows + head = 19 lines (+1 blank): the second table starts in slot 2
    expect(slots.map((s) => s.map((p) => p.table))).toEqual([[0], [1]]);
  });

  it('every row is placed exactly once, in order', () => {
    const counts = [161, 50];
    const slots = flowTables(counts, 37, 2, [true, false]);
    const seen = counts.map(() => [] as number[]);
    for (const s of slots) for (const p of s) for (let r = p.from; r < p.to; r++) seen[p.table].push(r);
    counts.forEach((c, t) => expect(seen[t]).toEqual(Array.from({ length: c }, (_, i) => i)));
    for (const s of slots) for (const p of s) expect(2 + (p.to - p.from) + (p.withTotal ? 1 : 0)).toBeLessThanOrEqual(37);
  });
});

const gaps: HandoutGap[] = Array.from({ length: 12 }, (_, i) => ({ rank: i + 1, name: `镇${i + 1}`, population: 1000 * (12 - i), gapPopulation: 600 * (12 - i), marginalPopulation: 400 * (12 - i), areaKm2: 2.5 }));

describe('gap table on the page', () => {
  it('lists the first 10 by rank (as the app\'s gap list and the map labels) and says how many remain', () => {
    const block = gapBlock(gaps, true, zh);
    expect(NUMBERED_GAPS).toBe(10);
    expect(block.title).toBe('覆盖盲区片区（图中编号）');
    expect(block.rows.slice(0, 2).map((r) => [r.label, r.value])).toEqual([
      ['1　镇1', '12,000 人'],
      ['2　镇2', '11,000 人'],
    ]);
    expect(block.rows).toHaveLength(11);
    expect(block.rows[10].label).toBe('另有 2 个较小片区见第 2 页');
    expect(gapBlock(gaps.slice(0, 3), false, en).rows.map((r) => r.label)).toEqual(['1  镇1', '2  镇2', '3  镇3']);
  });

  it('the English table page shows pinyin beside township names, as the app\'s table does; Chinese as written', async () => {
    await loadPlaceNames();
    const zone = { code: '350525102000', name: '一都镇', county: '350525', countyName: '永春县', areaType: 'rural', areaTypeOverridden: false, population: 100, covered: 40, marginal: 10, gap: 50, withinCircle: 0, coveredPct: 40, ambulancesNeeded: 1, aedsNeeded: 1 };
    const totals = { population: 100, covered: 40, marginal: 10, gap: 50, withinCircle: 0, coveredPct: 40, withinCirclePct: 0, ambulancesNeeded: 1, aedsNeeded: 1 };
    const withPlace = (language: 'zh-CN' | 'en'): Texts => ({ ...texts(language), place: (name) => placeName(name, language) });
    const rows = (language: 'zh-CN' | 'en') => townshipTable([zone] as never, totals as never, makeRules(), withPlace(language)).rows[0][0];
    expect(rows('en')).toBe('Yidu 一都镇');
    expect(rows('zh-CN')).toBe('一都镇');
  });

  it('the second page lists every group with gap and marginal residents apart', () => {
    const table = gapTable(gaps, zh);
    expect(table.rows).toHaveLength(12);
    expect(table.rows[0]).toEqual(['1', '镇1', '12,000', '7,200', '4,800', '2.5']);
  });
});

describe('rule reading', () => {
  it('defaults: strict 10 km reading, urban 5 km, the 15-minute circle, no overrides, no changed parameter', () => {
    const block = ruleBlock(makeRules(), [], zh);
    expect(block.rows.map((r) => [r.label, r.value])).toEqual([
      ['乡村服务半径', '严格 10 km 为已覆盖；10–20 km 为边缘覆盖'],
      ['城区服务半径', '5 km'],
      // 32.07 km/h × 12 min / 1.6 = 4.0 km; 40 km/h × 12 min / 1.6 = 5.0 km
      ['15 分钟急救圈', '城区约 4.0 km，乡村约 5.0 km'],
      ['区域类型调整', '无'],
      ['已改参数', '无'],
    ]);
  });

  it('the lenient reading, a 14-minute circle and township overrides are each stated', () => {
    const rules = makeRules({ ruralReading: 'lenient', circleMinutes: 14, turnoutMinutes: 2 });
    const block = ruleBlock(rules, [{ name: '蓬壶镇', areaType: 'urban' }, { name: '石鼓镇', areaType: 'rural' }], zh);
    expect(block.rows[0].value).toBe('宽松 20 km 内为已覆盖');
    expect(block.rows[2].label).toBe('14 分钟急救圈');
    expect(block.rows[3].value).toBe('蓬壶镇 改为城区；石鼓镇 改为乡村');
    expect(changedParameters(rules, zh)).toEqual(['乡村半径取值 宽松（默认 严格）', '急救圈时间（分钟） 14（默认 15）', '出车准备时间（分钟） 2（默认 3）']);
    expect(changedParameters(rules, en)).toEqual(['Rural radius reading lenient (default strict)', 'Emergency circle (minutes) 14 (default 15)', 'Turnout time (minutes) 2 (default 3)']);
  });

  it('on roads the circle reads as response time, and the speed model’s changed values are listed with their defaults', () => {
    const base = makeRules();
    const rules = makeRules({ reach: { ...base.reach, speeds: { ...base.reach.speeds, traffic: 'peak', capKmh: 80, classKmh: { primary: 50 } } } });
    const block = ruleBlock(rules, [], zh, 'roads');
    expect(block.rows[2].value).toBe('出车准备 3 分钟 + 沿道路行驶，合计 ≤ 15 分钟');
    expect(block.rows[3]).toMatchObject({ label: '急救圈计算方式', value: '路网行驶时间' });
    expect(changedSpeeds(rules, zh)).toEqual(['交通状况 高峰（车速 × 0.7）（默认 平峰）', '最高车速（公里/小时） 80（默认 90）', `primary 道路车速（公里/小时） 50（默认 ${CLASS_SPEEDS_KMH.primary.value}）`]);
    expect(changedSpeeds(base, zh)).toEqual([]);
    expect(ruleBlock(rules, [], en, 'straight-chosen').rows[3].value).toBe('straight line (a road network is loaded; the rules choose straight line)');
  });

  it('a decimal parameter keeps its decimals', () => {
    expect(changedParameters({ ...DEFAULT_RULES, areaTypeOverrides: {}, urbanDetourCoefficient: 1.45 }, zh)).toEqual(['城区道路曲度系数 1.45（默认 1.6）']);
  });
});

describe('table columns', () => {
  /** A canvas stand-in whose bold digits are 15 % wider than regular ones, as real bold faces are. */
  const fakeCtx = () => {
    const ctx = { font: '', measureText: (s: string) => ({ width: Array.from(s).length * parseFloat(/([\d.]+)px/.exec(ctx.font)![1]) * (ctx.font.startsWith('bold') ? 0.63 : 0.55) }) };
    return ctx as unknown as CanvasRenderingContext2D;
  };

  it('the bold total row fits its columns (its "59,551" was drawn "59,5…")', () => {
    const table = {
      title: 'Coverage by township',
      columns: [{ label: 'Township', align: 'left' as const }, { label: 'Gap', align: 'right' as const }],
      rows: [['Yidu 一都镇', '24,677'], ['Shigu 石鼓镇', '18,805']],
      total: ['Total', '59,551'],
    };
    const ctx = fakeCtx();
    const px = 20;
    // just wider than the regular text needs, so no spare space hides a bold row measured plain
    const { widths, px: size } = columnWidths(ctx, table, 205, px);
    const fits = (text: string, column: number, bold: boolean) => {
      ctx.font = `${bold ? 'bold ' : ''}${size}px x`;
      return ctx.measureText(text).width <= widths[column] - 0.9 * size + 1e-6;
    };
    for (const row of table.rows) row.forEach((v, i) => expect(fits(v, i, false), `${v} fits`).toBe(true));
    table.total.forEach((v, i) => expect(fits(v, i, true), `total ${v} fits in bold`).toBe(true));
  });
});
