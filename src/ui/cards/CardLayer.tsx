/** The details card open on the map (a station's or a clicked point's); Esc closes it, a new region or dataset closes it. */
import { useEffect } from 'react';
import { closeCard } from '../../app/card-actions.ts';
import { useStore } from '../../app/store.ts';
import './cards.css';
import { PointCard } from './PointCard.tsx';
import { StationCard } from './StationCard.tsx';

export function CardLayer() {
  const card = useStore((s) => s.card);
  const dataset = useStore((s) => s.dataset);
  // a card's cell indices and stations belong to the dataset it was opened on
  useEffect(() => closeCard(), [dataset]);
  useEffect(() => {
    if (!card) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') closeCard();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [card]);
  if (!card) return null;
  return (
    <div className="ems-card-layer">
      {card.kind === 'station' ? <StationCard key={card.id} id={card.id} /> : <PointCard key={`${card.lng},${card.lat}`} card={card} />}
    </div>
  );
}
