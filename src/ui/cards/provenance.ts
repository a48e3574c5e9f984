/** A station's provenance (source document, position source, note) as text in the UI language. */
import type { Station } from '../../core/types.ts';
import type { Translate } from '../i18n.ts';
import { detailPhrase, notePhrase, positionPhrase } from './provenance-text.ts';
import { citeSource } from './seed-documents.ts';

/** The source as "《title》（number）detail", the document named by title and number, never by file name. */
export function sourceText(source: string | undefined, t: Translate, english: boolean): string {
  if (!source) return t('cards.source.none');
  const { document, detail } = citeSource(source);
  const phrase = detail ? detailPhrase(detail) : null;
  const rest = phrase ? t(phrase.key, phrase.params) : detail;
  if (!document) return rest;
  const title = english ? document.titleEn : document.title;
  const head = document.number ? t('cards.source.documentNumber', { title, number: document.number }) : t('cards.source.document', { title });
  return rest ? `${head} ${rest}` : head;
}

export function positionText(station: Pick<Station, 'positionApproximate'>, positionSource: string | undefined, t: Translate): string {
  if (!station.positionApproximate) return t('cards.position.exact');
  const phrase = positionSource ? positionPhrase(positionSource) : null;
  if (phrase) return t(phrase.key, phrase.params);
  return t('cards.position.approx', { text: positionSource ?? '' });
}

export function noteText(note: string | undefined, t: Translate): string {
  if (!note || note.trim() === '') return t('cards.note.none');
  const phrase = notePhrase(note);
  return phrase ? t(phrase.key, phrase.params) : note;
}
