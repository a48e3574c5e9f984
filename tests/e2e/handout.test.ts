/**
 * The meeting handout (issue 11, item 9) in headless Chromium, checked from
 * the files it writes: the PNG declares 300 dpi in a pHYs chunk (parsed here
 * byte by byte); `pdftotext` finds the title, the covered population as the
 * results panel shows it, the numbered gap table equal to the app's gap list,
 * the rule reading with every override, and on page 2 the township table;
 * each map frames the whole region, the same before and after and whatever
 * the live view; file names say what the file is. Both pages are saved in
 * Chinese and English (PNG, and the PDF through pdftoppm) to be looked at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SnapshotHookResult } from '../../src/app/snapshot-hook.ts';
import { frameHolds } from '../../src/export/snapshot/framing.ts';
import { SHOTS_DIR, useSharedApp, value, waitMapIdle } from './helpers.ts';

const shared = useSharedApp();

async function exportHandout(page: Page, options: Record<string, unknown>): Promise<SnapshotHookResult> {
  await waitMapIdle(page);
  await page.waitForFunction(() => typeof window.__emsExportSnapshot === 'function');
  return page.evaluate((o) => window.__emsExportSnapshot!(o), options);
}

function save(name: string, base64: string): string {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, name);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return file;
}

/** Text of a PDF page range as pdftotext lays it out (columns kept apart by spaces). */
function pdfText(file: string, first = 1, last = first): string {
  return execFileSync('pdftotext', ['-layout', '-f', String(first), '-l', String(last), file, '-'], { encoding: 'utf8' });
}

/** The text of page 1 in reading order with all white space removed (wrapped lines joined). */
function pdfFlat(file: string): string {
  return execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

/** The pages of a PDF rendered as PNG next to it (for looking at them). */
function pdfPages(file: string, dpi = 100): string[] {
  const stem = `${file.replace(/\.pdf$/, '')}-pdfpage`;
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, stem]);
  const dir = path.dirname(file);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${path.basename(stem)}-`) && f.endsWith('.png'))
    .map((f) => path.join(dir, f));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The chunks of a PNG: type, data and whether the stored CRC is right. */
function chunks(png: Buffer): { type: string; data: Buffer; crcOk: boolean }[] {
  expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const out = [];
  for (let at = 8; at + 12 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    out.push({ type, data, crcOk: crc(png.subarray(at + 4, at + 8 + length)) === png.readUInt32BE(at + 8 + length) });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  return out;
}

/** The gap list as the app shows it: rank, township and residents of each item. */
async function appGapList(page: Page): Promise<{ rank: number; zone: string; population: string }[]> {
  const items = await page.locator('[data-testid^="gap-item-"]').allTextContents();
  return items.map((text) => {
    // '#1 一都镇：89,857 人，475.9 平方公里' / '#1 一都镇: 89,857 people, 475.9 km²'
    const m = /^#(\d+)\s+(.+?)[：:]\s*([\d,]+)/.exec(text.trim());
    if (!m) throw new Error(`Unexpected gap list item "${text}"`);
    return { rank: Number(m[1]), zone: m[2], population: m[3] };
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('PNG handout', () => {
  it('declares 300 dpi in a pHYs chunk (11,811 px/m, unit metre) before the image data', async () => {
    const { page, watch } = await shared.get();
    const r = await exportHandout(page, { dpi: 300, format: 'png' });
    const file = save(r.fileName, r.base64);
    const list = chunks(Buffer.from(r.base64, 'base64'));
    expect(list[0].type).toBe('IHDR');
    const phys = list.filter((c) => c.type === 'pHYs');
    expect(phys, file).toHaveLength(1);
    expect(list.findIndex((c) => c.type === 'pHYs')).toBeLessThan(list.findIndex((c) => c.type === 'IDAT'));
    expect(phys[0].crcOk).toBe(true);
    expect([phys[0].data.readUInt32BE(0), phys[0].data.readUInt32BE(4), phys[0].data[8]]).toEqual([11811, 11811, 1]);
    expect(r.fileName).toBe('永春县-覆盖图-A4横版-300dpi.png');
    expect(watch.errors, watch.summary()).toEqual([]);
  });

  it('with the tables: a second PNG file (page 2) at the same dpi, named as page 2, and the EMS page 3', async () => {
    const { page } = await shared.get();
    const r = await exportHandout(page, { dpi: 150, format: 'png', tables: true });
    expect(r.pageCount).toBe(3);
    expect(r.extraFiles.map((f) => f.fileName)).toEqual(['永春县-覆盖图-A4横版-150dpi-第2页.png', '永春县-覆盖图-A4横版-150dpi-第3页.png']);
    save(r.fileName, r.base64);
    save(r.extraFiles[0].fileName, r.extraFiles[0].base64);
    const phys = chunks(Buffer.from(r.extraFiles[0].base64, 'base64')).find((c) => c.type === 'pHYs')!;
    // 150 dpi = 5905.5 px/m, stored rounded
    expect(phys.data.readUInt32BE(0)).toBe(5906);
  });
});

describe('PDF handout', () => {
  it('has selectable text: the title, the covered population as the panel shows it, the numbered gap table equal to the app\'s list, the rule reading', async () => {
    const { page, watch } = await shared.get();
    const covered = await value(page, 'headline-covered');
    const shownCovered = new Intl.NumberFormat('zh-CN').format(covered);
    const gaps = await appGapList(page);
    expect(gaps.length).toBeGreaterThan(3);
    const r = await exportHandout(page, { dpi: 150, format: 'pdf', tables: true, beforeAfter: true });
    const file = save(r.fileName, r.base64);
    expect(r.fileName).toBe('永春县-前后对比-A4横版-150dpi.pdf');
    const text = pdfText(file, 1);
    expect(text, file).toContain('永春县急救站点覆盖分析');
    expect(text).toContain(`${shownCovered} 人`);
    // every gap of the app's list is on the page with its number, township and residents, and the map numbers the same ranks
    expect(r.numberedGaps).toEqual(gaps.map((g) => g.rank));
    // the "after" map drew every one of those numbers (none dropped by label collision); the "before" map draws none
    expect(r.labelledGaps).toEqual([[], gaps.map((g) => g.rank)]);
    for (const g of gaps) expect(text, `gap ${g.rank}`).toMatch(new RegExp(`(^|\\s)${g.rank}\\s+${escape(g.zone)}\\s+${escape(g.population)} 人`, 'm'));
    // no numbered row beyond the list
    expect(text).not.toMatch(new RegExp(`(^|\\s)${gaps.length + 1}\\s+\\S+镇?\\s+[\\d,]+ 人`, 'm'));
    expect(text).toContain('判定规则');
    expect(text).toMatch(/乡村服务半径\s+严格 10 km 为已覆盖；10–20 km 为边缘覆盖/);
    expect(text).toMatch(/城区服务半径\s+5 km/);
    expect(text).toMatch(/15 分钟急救圈\s+城区约 4\.0 km，乡村约 5\.0 km/);
    expect(text).toMatch(/区域类型调整\s+无/);
    expect(text).toMatch(/已改参数\s+无/);
    expect(watch.errors, watch.summary()).toEqual([]);
  });

  it('page 2 holds the township table (each township with its residents as the app\'s table shows them) and the gap areas', async () => {
    const { page } = await shared.get();
    const rows = await page.locator('[data-testid^="township-row-"]').evaluateAll((trs) => trs.map((tr) => ({ name: tr.querySelector('th')!.textContent!, population: tr.querySelectorAll('td')[1].textContent! })));
    expect(rows.length).toBeGreaterThan(15);
    const r = await exportHandout(page, { dpi: 150, format: 'pdf', tables: true });
    const file = save('handout-tables.pdf', r.base64);
    // page 3: the EMS measures on a page of their own
    expect(r.pageCount).toBe(3);
    expect(Buffer.from(r.base64, 'base64').toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(3);
    const ems = pdfText(file, 3);
    for (const title of ['院前急救指标', '站点工作量', '可用性', '公平性', '假设与来源']) expect(ems, title).toContain(title);
    expect(ems).toContain('按呼叫率估算');
    const text = pdfText(file, 2);
    expect(text, file).toContain('各乡镇覆盖情况');
    for (const z of rows) expect(text, z.name).toMatch(new RegExp(`${escape(z.name)}\\s+(城区|乡村)(（已调整）)?\\s+${escape(z.population)}\\s`));
    expect(text).toContain('覆盖盲区片区（按人口排序，编号同第 1 页地图）');
    for (const g of await appGapList(page)) expect(text).toMatch(new RegExp(`(^|\\s)${g.rank}\\s+${escape(g.zone)}\\s+${escape(g.population)}\\s`, 'm'));
    // without the option the PDF has one page
    const one = await exportHandout(page, { dpi: 150, format: 'pdf' });
    expect(one.pageCount).toBe(1);
  });
});

describe('every page, Chinese and English, to look at', () => {
  it('saves pages 1–3 in Chinese: PNG (landscape, before/after) and PDF pages (portrait); the third is the EMS page', { timeout: 180_000 }, async () => {
    const { page } = await shared.get();
    const zhPng = await exportHandout(page, { dpi: 150, tables: true, beforeAfter: true });
    save(`look-zh-p1-${zhPng.fileName}`, zhPng.base64);
    for (const extra of zhPng.extraFiles) save(`look-zh-${extra.fileName}`, extra.base64);
    const zhPdf = await exportHandout(page, { dpi: 150, tables: true, format: 'pdf', orientation: 'portrait' });
    const file = save('look-zh-portrait.pdf', zhPdf.base64);
    // map, tables, and the EMS measures on a page of their own
    expect(pdfPages(file)).toHaveLength(3);
    expect(pdfText(file, 3, 3)).toContain('院前急救指标');
  });

  it('in English: English file names and page text, every page saved', { timeout: 180_000 }, async () => {
    const { page } = await shared.get();
    await page.getByTestId('lang-switch').click();
    try {
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      const enPng = await exportHandout(page, { dpi: 150, tables: true, beforeAfter: true });
      expect(enPng.fileName).toBe('永春县-before-after-A4-landscape-150dpi.png');
      expect(enPng.extraFiles[0].fileName).toBe('永春县-before-after-A4-landscape-150dpi-page2.png');
      save(`look-en-p1-${enPng.fileName}`, enPng.base64);
      for (const extra of enPng.extraFiles) save(`look-en-${extra.fileName}`, extra.base64);
      const enPdf = await exportHandout(page, { dpi: 150, tables: true, format: 'pdf' });
      const file = save('look-en.pdf', enPdf.base64);
      expect(pdfPages(file)).toHaveLength(3);
      expect(pdfText(file, 3, 3)).toContain('EMS measures');
      const text = pdfText(file, 1, 3);
      expect(text).toContain('EMS station coverage');
      expect(text).toMatch(/Rural service radius\s+strict: 10 km covered; 10–20 km marginal/);
      expect(text).toContain('Coverage by township');
      expect(text).not.toMatch(/[覆盖盲区规则]{2}/);
    } finally {
      await page.getByTestId('lang-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    }
  });
});

describe('framing', () => {
  it('each map holds the whole region, before and after alike, whatever the live view shows', async () => {
    const { page } = await shared.get();
    const first = await exportHandout(page, { dpi: 150, beforeAfter: true });
    expect(first.regionBox).not.toBeNull();
    expect(first.frames).toHaveLength(2);
    for (const f of first.frames) expect(frameHolds(f.view, f.width, f.height, first.regionBox!), JSON.stringify(f)).toBe(true);
    expect(first.frames[0].view.zoom).toBeCloseTo(first.frames[1].view.zoom, 9);
    expect(first.frames[0].view.center[0]).toBeCloseTo(first.frames[1].view.center[0], 9);
    expect(first.frames[0].view.center[1]).toBeCloseTo(first.frames[1].view.center[1], 9);
    // zoom the live map well in: the print still frames the region the same way
    const box = (await page.locator('.maplibregl-canvas').first().boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.7);
    const zoomBefore = await page.evaluate(() => window.__emsMap!.getZoom());
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -300);
    await page.waitForFunction((z) => window.__emsMap!.getZoom() > z + 0.5, zoomBefore);
    // the page goes on zoomed in to the rule test, the last of the file: it reads only the page text, which the live view does not change (as above)
    const again = await exportHandout(page, { dpi: 150, beforeAfter: true });
    expect(again.frames[1].view.zoom).toBeCloseTo(first.frames[1].view.zoom, 9);
    expect(again.frames[1].view.center[0]).toBeCloseTo(first.frames[1].view.center[0], 9);
    expect(again.frames[1].view.center[1]).toBeCloseTo(first.frames[1].view.center[1], 9);
  });
});

describe('rule reading and overrides', () => {
  it('the lenient reading, a township set to urban and a changed circle are stated on the page', async () => {
    const { page } = await shared.get();
    try {
      await page.locator('[data-testid="rules-section"] .panel-heading button').click();
      const seq = async () => Number(await page.getByTestId('results-panel').getAttribute('data-seq'));
      const change = async (act: () => Promise<unknown>) => {
        const before = await seq();
        await act();
        await page.waitForFunction(
          (s) => Number(document.querySelector('[data-testid="results-panel"]')?.getAttribute('data-seq')) > s && document.querySelector('[data-testid="results-panel"]')?.getAttribute('data-ready') === 'true',
          before,
        );
      };
      await change(() => page.getByTestId('rule-reading-lenient').check());
      await change(() => page.getByTestId('rule-circleMinutes').selectOption('14'));
      const penghu = page.locator('.area-types li', { hasText: '蓬壶镇' }).locator('select');
      await change(() => penghu.selectOption('urban'));
      const r = await exportHandout(page, { dpi: 150, format: 'pdf' });
      const file = save('handout-rules.pdf', r.base64);
      const text = pdfText(file, 1);
      expect(text).toMatch(/乡村服务半径\s+宽松 20 km 内为已覆盖/);
      expect(text).toMatch(/14 分钟急救圈/);
      // long values wrap inside the box: compare without the line breaks
      const flat = pdfFlat(file);
      expect(flat).toContain('区域类型调整蓬壶镇改为城区');
      expect(flat).toContain('已改参数乡村半径取值宽松（默认严格）；急救圈时间（分钟）14（默认15）');
    } finally {
      shared.markDirty();
    }
  });
});
