/** The legend's swatches and rows, shared by the legend control and the EMS layers' legend items. */
import type { ReactNode } from 'react';

const withAlpha = (hex: string, alpha: number) => {
  const v = parseInt(hex.slice(1), 16);
  return `rgba(${(v >> 16) & 255},${(v >> 8) & 255},${v & 255},${alpha})`;
};

/** A filled swatch of a `#rrggbb` colour at the layer's opacity. */
export function Fill({ colour, alpha = 1 }: { colour: string; alpha?: number }) {
  return <span className="ems-legend__swatch" style={{ background: withAlpha(colour, alpha) }} aria-hidden />;
}

/** One legend row: its symbol and what it means (`wide` spans both columns). */
export function Item({ symbol, wide = false, children }: { symbol: ReactNode; wide?: boolean; children: ReactNode }) {
  return (
    <li className={`ems-legend__item${wide ? ' ems-legend__wide' : ''}`}>
      {symbol}
      <span>{children}</span>
    </li>
  );
}
