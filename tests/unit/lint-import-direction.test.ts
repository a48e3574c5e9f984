import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The project's own config, applied to small virtual files placed in src/.
const eslint = new ESLint({ overrideConfigFile: 'scripts/eslint.config.js' });

async function directionMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'layers/import-direction').map((m) => m.message);
}

describe('lint: imports run one way', () => {
  it('a file in src/core/suggest importing ../../ui/i18n.ts is reported', async () => {
    const messages = await directionMessages('src/core/suggest/x.ts', "import { useT } from '../../ui/i18n.ts';\nexport const f = useT;\n");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('src/core may not import src/ui');
  });

  it('a src/map file importing the store is reported, even as a type', async () => {
    expect(await directionMessages('src/map/x.ts', "import { useStore } from '../app/store.ts';\nexport const s = useStore;\n")).toHaveLength(1);
    expect(await directionMessages('src/map/x.ts', "import type { AppState } from '../app/store.ts';\nexport type S = AppState;\n")).toHaveLength(1);
  });

  it('src/export importing src/ui, and src/i18n importing a value from core, are reported', async () => {
    expect(await directionMessages('src/export/x.ts', "import { useT } from '../ui/i18n.ts';\nexport const f = useT;\n")).toHaveLength(1);
    expect(await directionMessages('src/i18n/x.ts', "import { DEFAULT_RULES } from '../core/rules.ts';\nexport const r = DEFAULT_RULES;\n")).toHaveLength(1);
    expect(await directionMessages('src/io/x.ts', "export { translate } from '../i18n/index.ts';\n")).toHaveLength(1);
  });

  it('the worker may be imported as types by map (worker/api only) and export, never as values', async () => {
    expect(await directionMessages('src/map/x.ts', "import type { GapSummary } from '../worker/api.ts';\nexport type G = GapSummary;\n")).toEqual([]);
    expect(await directionMessages('src/map/x.ts', "import { CoverageService } from '../worker/coverage-service.ts';\nexport const c = CoverageService;\n")).toHaveLength(1);
    expect(await directionMessages('src/export/x.ts', "import { CoverageService } from '../worker/coverage-service.ts';\nexport const c = CoverageService;\n")).toHaveLength(1);
    expect(await directionMessages('src/ui/x.ts', "import { CoverageService } from '../worker/coverage-service.ts';\nexport const c = CoverageService;\n")).toHaveLength(1);
  });

  it('allowed imports lint clean', async () => {
    expect(await directionMessages('src/map/x.ts', "import { translate } from '../i18n/index.ts';\nimport { circleRadiusKm } from '../core/rules.ts';\nexport const a = [translate, circleRadiusKm];\n")).toEqual([]);
    expect(await directionMessages('src/export/snapshot/x.ts', "import { COLOURS } from '../../map/layers.ts';\nimport { translate } from '../../i18n/index.ts';\nexport const a = [COLOURS, translate];\n")).toEqual([]);
    expect(await directionMessages('src/i18n/x.ts', "import type { Rules } from '../core/rules.ts';\nexport type R = Rules;\n")).toEqual([]);
    expect(await directionMessages('src/app/x.ts', "import { App } from '../ui/App.tsx';\nimport { CoverageService } from '../worker/coverage-service.ts';\nexport const a = [App, CoverageService];\n")).toEqual([]);
    expect(await directionMessages('src/ui/x.ts', "import { useStore } from '../app/store.ts';\nexport const s = useStore;\n")).toEqual([]);
  });
});
