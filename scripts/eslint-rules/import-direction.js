/**
 * ESLint rule: imports between the folders of src/ run one way.
 *
 *   core    → nothing else in src
 *   i18n    → core (types only)
 *   io      → core
 *   worker  → core, io
 *   map     → core, i18n; worker/api (types only)
 *   export  → core, io, i18n, map; worker (types only)
 *   ui      → anything but the worker's implementation (worker/api, and types from the worker, are fine)
 *   app     → anything
 *
 * So nothing but app and ui imports ui, and nothing but ui and app imports app.
 * Paths are resolved from the importing file, so `../../ui/x.ts` from
 * src/core/suggest is caught as well as `../ui/x.ts` from src/core.
 */
import path from 'node:path';

/** For each folder, what it may import: 'any', or 'type' for `import type` only. Keys are folders or a folder/file stem. */
export const ALLOWED = {
  core: { core: 'any' },
  i18n: { i18n: 'any', core: 'type' },
  io: { io: 'any', core: 'any' },
  worker: { worker: 'any', core: 'any', io: 'any' },
  map: { map: 'any', core: 'any', i18n: 'any', 'worker/api': 'type' },
  export: { export: 'any', core: 'any', io: 'any', i18n: 'any', map: 'any', worker: 'type' },
  ui: { ui: 'any', app: 'any', core: 'any', io: 'any', i18n: 'any', map: 'any', export: 'any', 'worker/api': 'any', worker: 'type' },
  app: { app: 'any', ui: 'any', core: 'any', io: 'any', i18n: 'any', map: 'any', export: 'any', worker: 'any' },
};

/** The folder under src/ (and its file stem, for worker/api) of an absolute path, or null outside src/. */
function place(file, srcDir) {
  const rel = path.relative(srcDir, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  if (parts.length < 2) return null;
  const folder = parts[0];
  const stem = parts.length === 2 ? `${folder}/${parts[1].replace(/\.[^.]+$/, '')}` : null;
  return { folder, stem };
}

function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type');
}

function describeAllowed(rules) {
  return Object.entries(rules)
    .map(([k, v]) => (v === 'type' ? `${k} (import type)` : k))
    .join(', ');
}

export const importDirection = {
  meta: {
    type: 'problem',
    docs: { description: 'imports between the folders of src/ run one way (core ← io/i18n ← worker/map ← export ← ui ← app)' },
    schema: [],
    messages: {
      forbidden: 'src/{{from}} may not import src/{{to}} ("{{source}}"){{typeHint}}. Allowed for {{from}}: {{allowed}}.',
    },
  },
  create(context) {
    const srcDir = path.join(context.cwd, 'src');
    const here = place(path.resolve(context.cwd, context.filename), srcDir);
    if (!here || !(here.folder in ALLOWED)) return {};
    const rules = ALLOWED[here.folder];

    function check(node, sourceNode, typeOnly) {
      if (!sourceNode || typeof sourceNode.value !== 'string' || !sourceNode.value.startsWith('.')) return;
      const target = place(path.resolve(path.dirname(path.resolve(context.cwd, context.filename)), sourceNode.value), srcDir);
      if (!target) return;
      const rule = (target.stem && rules[target.stem]) || rules[target.folder];
      if (rule === 'any' || (rule === 'type' && typeOnly)) return;
      context.report({
        node,
        messageId: 'forbidden',
        data: {
          from: here.folder,
          to: target.stem && rules[target.stem] === undefined && target.folder === 'worker' ? target.stem : target.folder,
          source: sourceNode.value,
          typeHint: rule === 'type' ? ' except as `import type`' : '',
          allowed: describeAllowed(rules),
        },
      });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source, isTypeOnly(node)),
      ExportNamedDeclaration: (node) => check(node, node.source, isTypeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
      ImportExpression: (node) => check(node, node.source, false),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument, true),
    };
  },
};

export default { rules: { 'import-direction': importDirection } };
