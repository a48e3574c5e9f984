/** Page layout of the snapshot: every part inside the margins, nothing overlapping, A3 = A4 × √2, before/after split. */
import { describe, expect, it } from 'vitest';
import { contains, overlaps, pageLayout, splitMaps, type Rect } from '../../src/export/snapshot/layout.ts';
import { pagePixels } from '../../src/export/snapshot/paper.ts';

const PAPERS = ['A4', 'A3'] as const;
const ORIENTATIONS = ['landscape', 'portrait'] as const;

describe('page layout', () => {
  for (const paper of PAPERS)
    for (const orientation of ORIENTATIONS)
      for (const dpi of [150, 300])
        for (const beforeAfter of [false, true])
          for (const aspect of [0.6, 2.5]) {
            it(`${paper} ${orientation} ${dpi} dpi${beforeAfter ? ' before/after' : ''}, content ${aspect}:1 — parts inside the margins and apart`, () => {
              const page = pagePixels(paper, orientation, dpi);
              const l = pageLayout(page, { beforeAfter, contentAspect: aspect });
              const margin = Math.floor(10 * l.mm);
              const inner: Rect = { x: margin, y: margin, w: page.widthPx - 2 * margin + 1, h: page.heightPx - 2 * margin + 1 };
              const parts: [string, Rect][] = [
                ['header', l.header],
                ['legend', l.legend],
                ['figures', l.figures],
                ['footer', l.footer],
                ...l.maps.map((r, i): [string, Rect] => [`map ${i}`, r]),
                ...l.captions.map((r, i): [string, Rect] => [`caption ${i}`, r]),
              ];
              for (const [name, r] of parts) {
                expect(contains(inner, r), `${name} ${JSON.stringify(r)} inside ${JSON.stringify(inner)}`).toBe(true);
                expect(r.w > 0 && r.h > 0, `${name} has area`).toBe(true);
              }
              for (let a = 0; a < parts.length; a++)
                for (let b = a + 1; b < parts.length; b++) expect(overlaps(parts[a][1], parts[b][1]), `${parts[a][0]} overlaps ${parts[b][0]}`).toBe(false);
              expect(l.maps).toHaveLength(beforeAfter ? 2 : 1);
              expect(l.captions).toHaveLength(beforeAfter ? 2 : 0);
              // one print map size serves both: they may differ by a rounding pixel
              if (beforeAfter) expect(Math.max(Math.abs(l.maps[0].w - l.maps[1].w), Math.abs(l.maps[0].h - l.maps[1].h))).toBeLessThanOrEqual(1);
            });
          }

  it('the map takes most of an A4 landscape page: at least 190 × 145 mm', () => {
    const l = pageLayout(pagePixels('A4', 'landscape', 300));
    expect(l.maps[0].w / l.mm).toBeGreaterThan(190);
    expect(l.maps[0].h / l.mm).toBeGreaterThan(145);
  });

  it('A3 is the A4 page scaled by √2: same proportions, type √2 larger', () => {
    const a4 = pageLayout(pagePixels('A4', 'landscape', 300));
    const a3 = pageLayout(pagePixels('A3', 'landscape', 300));
    expect(a3.scale).toBeCloseTo(Math.SQRT2, 2);
    expect(a3.maps[0].w / a4.maps[0].w).toBeCloseTo(Math.SQRT2, 2);
    expect(a3.fonts.title / a4.fonts.title).toBeCloseTo(Math.SQRT2, 2);
  });

  it('the printed map is drawn at 96 CSS px per inch: 300 dpi → pixel ratio 3.125 on A4', () => {
    expect(pageLayout(pagePixels('A4', 'landscape', 300)).mapRatio).toBe(3.125);
    expect(pageLayout(pagePixels('A4', 'portrait', 150)).mapRatio).toBe(1.5625);
  });

  it('type: a 20 pt title is 83.3 px at 300 dpi on A4', () => {
    expect(pageLayout(pagePixels('A4', 'portrait', 300)).fonts.title).toBeCloseTo((20 / 72) * 300, 6);
  });

  it('landscape: the figures box takes the height asked for, the legend the rest of the column', () => {
    const page = pagePixels('A4', 'landscape', 300);
    const l = pageLayout(page, { figuresHeight: 700 });
    expect(l.figures.h).toBe(700);
    expect(l.legend.x).toBe(l.figures.x);
    expect(l.legend.y + l.legend.h).toBeLessThan(l.figures.y);
  });
});

describe('before/after split', () => {
  const area: Rect = { x: 0, y: 0, w: 2000, h: 1500 };
  it('a wide county (3:1) is stacked: each map 2000 wide', () => {
    const [before, after] = splitMaps(area, 40, 60, 3);
    expect(before.w).toBe(2000);
    expect(after.y).toBeGreaterThan(before.y + before.h);
  });
  it('a square or tall region goes side by side', () => {
    const [before, after] = splitMaps(area, 40, 60, 1);
    expect(before.h).toBe(1500);
    expect(after.x).toBeGreaterThan(before.x + before.w);
  });
});
