/**
 * Draws a printed map into its frame with the map furniture: caption above
 * (before/after), frame, north arrow (the map is never rotated) and a scale
 * bar measured at the map's centre latitude.
 */
import { font, INK, singleLine, type Ctx } from './draw-text.ts';
import type { Rect } from './layout.ts';
import { scaleBar, tickLabel } from './scale-bar.ts';

/** A map rendered at print resolution. */
export interface MapImage {
  /** Pixels read off the print map (copied 1:1), or any image (drawn, scaled if needed). */
  image: ImageData | CanvasImageSource;
  width: number;
  height: number;
  /** Ground metres per image pixel at the map's centre latitude. */
  metresPerPx: number;
}

export interface MapStyle {
  mm: number;
  body: number;
  small: number;
}

const BACKING = 'rgba(255,255,255,0.88)';

function backing(ctx: Ctx, x: number, y: number, w: number, h: number, mm: number): void {
  ctx.fillStyle = BACKING;
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, 0.8 * mm);
  ctx.fill();
}

/** A north arrow in a box whose top-right corner is (right, top). */
export function drawNorthArrow(ctx: Ctx, label: string, right: number, top: number, st: MapStyle): Rect {
  const w = 8 * st.mm;
  const h = 13 * st.mm;
  const x = right - w;
  backing(ctx, x, top, w, h, st.mm);
  const cx = x + w / 2;
  ctx.font = font(st.body * 1.1, true);
  ctx.fillStyle = INK;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillText(label, cx, top + 0.8 * st.mm);
  const tip = top + st.body * 1.1 * 1.25 + 1.2 * st.mm;
  const base = top + h - 1.2 * st.mm;
  const half = 2.4 * st.mm;
  const notch = base - 2 * st.mm;
  ctx.lineWidth = Math.max(1, 0.25 * st.mm);
  ctx.strokeStyle = INK;
  // left half dark, right half light: reads as an arrow in grey-scale print too
  ctx.beginPath();
  ctx.moveTo(cx, tip);
  ctx.lineTo(cx - half, base);
  ctx.lineTo(cx, notch);
  ctx.closePath();
  ctx.fillStyle = INK;
  ctx.fill();
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(cx, tip);
  ctx.lineTo(cx + half, base);
  ctx.lineTo(cx, notch);
  ctx.closePath();
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.stroke();
  ctx.textAlign = 'left';
  return { x, y: top, w, h };
}

/** A scale bar whose bottom-left corner is (left, bottom), at most `maxPx` long. */
export function drawScaleBar(ctx: Ctx, metresPerPx: number, left: number, bottom: number, maxPx: number, note: string, st: MapStyle): Rect {
  const bar = scaleBar(metresPerPx, maxPx);
  const pad = 1.6 * st.mm;
  const barH = 1.4 * st.mm;
  const labelH = st.small * 1.25;
  ctx.font = font(st.small);
  const unitW = ctx.measureText(` ${bar.unit}`).width;
  const lastW = ctx.measureText(tickLabel(bar.metres, bar.unit)).width;
  const noteW = ctx.measureText(note).width;
  const w = Math.max(pad * 2 + bar.px + lastW / 2 + unitW, pad * 2 + noteW);
  const h = pad * 2 + labelH + barH + 0.6 * st.mm + labelH;
  const x = left;
  const y = bottom - h;
  backing(ctx, x, y, w, h, st.mm);
  const bx = x + pad;
  const by = y + pad + labelH;
  const seg = bar.px / bar.segments;
  ctx.lineWidth = Math.max(1, 0.2 * st.mm);
  ctx.strokeStyle = INK;
  for (let i = 0; i < bar.segments; i++) {
    ctx.fillStyle = i % 2 === 0 ? INK : '#ffffff';
    ctx.fillRect(bx + i * seg, by, seg, barH);
  }
  ctx.strokeRect(bx, by, bar.px, barH);
  ctx.fillStyle = INK;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'center';
  for (let i = 0; i <= bar.segments; i++) {
    // the ends and the middle only, so labels never collide
    if (i !== 0 && i !== bar.segments && i * 2 !== bar.segments) continue;
    const label = tickLabel((bar.metres * i) / bar.segments, bar.unit) + (i === bar.segments ? ` ${bar.unit}` : '');
    ctx.textAlign = i === bar.segments ? 'left' : 'center';
    const tx = i === bar.segments ? bx + bar.px - ctx.measureText(tickLabel(bar.metres, bar.unit)).width / 2 : bx + i * seg;
    ctx.fillText(label, tx, y + pad * 0.6);
  }
  ctx.textAlign = 'left';
  ctx.fillStyle = '#5b6570';
  ctx.fillText(note, bx, by + barH + 0.6 * st.mm);
  return { x, y, w, h };
}

/** Pixels on a canvas, so they can be drawn scaled. */
function imageCanvas(image: ImageData): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  canvas.getContext('2d')!.putImageData(image, 0, 0);
  return canvas;
}

/**
 * Draws a map image into `rect` (centre-cropped when it is a few pixels
 * larger, as MapLibre sizes its canvas in whole CSS pixels), framed, with
 * north arrow and scale bar.
 */
export function drawMap(ctx: Ctx, map: MapImage, rect: Rect, labels: { north: string; scaleNote: string }, st: MapStyle): void {
  const crop = map.width >= rect.w && map.height >= rect.h;
  const sx = Math.floor((map.width - rect.w) / 2);
  const sy = Math.floor((map.height - rect.h) / 2);
  if (map.image instanceof ImageData) {
    if (crop) ctx.putImageData(map.image, rect.x - sx, rect.y - sy, sx, sy, rect.w, rect.h);
    else ctx.drawImage(imageCanvas(map.image), rect.x, rect.y, rect.w, rect.h);
  } else if (crop) ctx.drawImage(map.image, sx, sy, rect.w, rect.h, rect.x, rect.y, rect.w, rect.h);
  else ctx.drawImage(map.image, rect.x, rect.y, rect.w, rect.h);
  const scale = map.width >= rect.w ? 1 : map.width / rect.w;
  const inset = 3 * st.mm;
  drawNorthArrow(ctx, labels.north, rect.x + rect.w - inset, rect.y + inset, st);
  drawScaleBar(ctx, map.metresPerPx * scale, rect.x + inset, rect.y + rect.h - inset, Math.min(rect.w * 0.3, 45 * st.mm), labels.scaleNote, st);
  const lw = Math.max(1, Math.round(0.3 * st.mm));
  ctx.strokeStyle = '#4a4843';
  ctx.lineWidth = lw;
  ctx.strokeRect(rect.x + lw / 2, rect.y + lw / 2, rect.w - lw, rect.h - lw);
}

/** A caption in the strip above a map. */
export function drawCaption(ctx: Ctx, text: string, rect: Rect, st: MapStyle): void {
  singleLine(ctx, text, rect.x, rect.y + (rect.h - st.body * 1.25 * 1.2) / 2, rect.w, st.body * 1.25, { bold: true });
}
