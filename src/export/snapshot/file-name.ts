/**
 * Handout file names that say what the file is: region, single map or
 * before/after, paper and orientation, resolution, and for the PNG table
 * pages the page number, e.g. 永春县-覆盖图-A4横版-300dpi.png or
 * 永春县-前后对比-A3竖版-150dpi-第2页.png (English words in the English UI).
 */
import { safeFileStem } from '../download-name.ts';
import type { SnapshotFormat, SnapshotOptions } from './options.ts';
import type { Texts } from './types.ts';

/**
 * The file name of a handout (page 1, or the whole PDF), or of its PNG table page `page` (2, 3…).
 * @example handoutFileName('永春县', { beforeAfter: false, paper: 'A4', orientation: 'landscape', dpi: 300, format: 'png' }, zhTexts) // '永春县-覆盖图-A4横版-300dpi.png'
 */
export function handoutFileName(region: string, options: Pick<SnapshotOptions, 'beforeAfter' | 'paper' | 'orientation' | 'dpi'> & { format: SnapshotFormat }, texts: Texts, page = 1): string {
  const { t } = texts;
  let stem = t('handout.file.name', {
    region: safeFileStem(region, 'region'),
    kind: t(options.beforeAfter ? 'handout.file.beforeAfter' : 'handout.file.single'),
    paper: options.paper,
    orientation: t(`handout.file.${options.orientation}`),
    dpi: Math.round(options.dpi),
  });
  if (page > 1) stem = t('handout.file.page', { stem, page });
  return `${safeFileStem(stem, 'handout')}.${options.format}`;
}
