/** Strings that say whether what is shown is current (stale suggestions, figures being updated). */
import type { Strings } from '../types.ts';

export const consistencyStrings: Strings = {
  'zh-CN': {
    'suggest.stale': '方案已更改，以下建议是按更改前的方案计算的，已过期。',
    'suggest.recompute': '按当前方案重新计算',
    'suggest.staleAccept': '建议已过期：请先重新计算',
  },
  en: {
    'suggest.stale': 'The scenario has changed: these suggestions were computed for the earlier scenario and are out of date.',
    'suggest.recompute': 'Recompute for the current scenario',
    'suggest.staleAccept': 'Out of date: recompute first',
  },
};
