import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The process boundaries, checked on the source:
 * - the core (electron/core) runs under plain Node too (harness, CLI, tests): no `electron`;
 * - the renderer runs in a sandboxed page: no Node built-ins, no `electron`, and code from
 *   electron/ only as `import type` (erased at build time);
 * - the preload exposes one function: it imports `electron` and nothing else.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

interface ImportRef {
  file: string;
  specifier: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    if (name === 'node_modules') return [];
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx|mts|cts)$/.test(name) ? [rel] : [];
  });
}

function importsOf(file: string): ImportRef[] {
  return parseImports(file, readFileSync(path.join(ROOT, file), 'utf8'));
}

function parseImports(file: string, text: string): ImportRef[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: ImportRef[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push({ file, specifier: node.moduleSpecifier.text, typeOnly: node.importClause?.isTypeOnly === true });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push({ file, specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const e = node.moduleReference.expression;
      if (ts.isStringLiteral(e)) out.push({ file, specifier: e.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node)) {
      const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      const arg = node.arguments[0];
      if ((isDynamicImport || isRequire) && arg && ts.isStringLiteralLike(arg)) out.push({ file, specifier: arg.text, typeOnly: false });
    } else if (ts.isImportTypeNode(node)) {
      // `typeof import('x')` in a type position: erased, like `import type`.
      const lit = node.argument;
      if (ts.isLiteralTypeNode(lit) && ts.isStringLiteral(lit.literal)) out.push({ file, specifier: lit.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const isElectron = (s: string) => s === 'electron' || s.startsWith('electron/');
/** A relative import that lands inside the repository's electron/ folder. */
const reachesElectronDir = (r: ImportRef) =>
  r.specifier.startsWith('.') && path.resolve(ROOT, path.dirname(r.file), r.specifier).startsWith(path.join(ROOT, 'electron') + path.sep);

/**
 * Core modules the renderer may import as values: pure validation shared with the forms
 * (README, "Import rule"). Everything else from electron/ is `import type` only.
 */
const ISOMORPHIC = [
  'electron/core/identity/',
  'electron/core/patients/schema.ts',
  'electron/core/patients/fold.ts',
  'electron/core/patients/patient-row.ts',
  // The personal-data descriptor: the card, merge and conflict views show fields as it says.
  'electron/core/patients/personal-data/',
  // Constants only: the FHIR naming systems the descriptor's FHIR elements use.
  'electron/core/fhir/systems.ts',
  'electron/core/api/schemas.ts',
  'electron/core/languages.ts',
  'electron/core/staff/roles.ts',
];

/** Repository-relative path an import points at, with `.js` mapped to the `.ts` source. */
function target(r: ImportRef): string {
  const abs = path.resolve(ROOT, path.dirname(r.file), r.specifier).replace(/\.js$/, '.ts');
  const rel = path.relative(ROOT, abs).split(path.sep).join('/');
  return /\.(ts|tsx)$/.test(rel) ? rel : `${rel}.ts`;
}

const isIsomorphic = (file: string) => ISOMORPHIC.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p));

describe('import rules', () => {
  it('finds the files it checks', () => {
    expect(sourceFiles('electron/core').length).toBeGreaterThan(10);
    expect(sourceFiles('renderer').length).toBeGreaterThan(10);
  });

  it('electron/core never imports electron', () => {
    const bad = sourceFiles('electron/core').flatMap(importsOf).filter((r) => isElectron(r.specifier));
    expect(bad).toEqual([]);
  });

  it('renderer never imports Node built-ins or electron', () => {
    const bad = sourceFiles('renderer')
      .flatMap(importsOf)
      .filter((r) => NODE_BUILTINS.has(r.specifier) || isElectron(r.specifier));
    expect(bad).toEqual([]);
  });

  it('renderer imports values from electron/ only from the isomorphic modules', () => {
    const bad = sourceFiles('renderer')
      .flatMap(importsOf)
      .filter((r) => reachesElectronDir(r) && !r.typeOnly && !isIsomorphic(target(r)));
    expect(bad).toEqual([]);
  });

  it('the isomorphic modules import no Node built-ins, no electron, and no other core module', () => {
    const files = sourceFiles('electron/core').filter((f) => isIsomorphic(f) && !/\.test\.ts$/.test(f));
    expect(files.length).toBeGreaterThan(5);
    const bad = files
      .flatMap(importsOf)
      .filter((r) => !r.typeOnly)
      .filter((r) => NODE_BUILTINS.has(r.specifier) || isElectron(r.specifier) || (r.specifier.startsWith('.') && !isIsomorphic(target(r))));
    expect(bad).toEqual([]);
  });

  it('electron/preload imports only electron', () => {
    const bad = sourceFiles('electron/preload')
      .flatMap(importsOf)
      .filter((r) => !r.typeOnly && r.specifier !== 'electron');
    expect(bad).toEqual([]);
  });

  it('the parser sees every kind of import', () => {
    const refs = parseImports(
      'probe.ts',
      "import a from 'node:fs';\nimport type { B } from '../electron/x';\nexport * from 'path';\nconst c = await import('crypto');\nconst d = require('electron');\ntype E = typeof import('os');",
    );
    expect(refs.map((r) => [r.specifier, r.typeOnly])).toEqual([
      ['node:fs', false],
      ['../electron/x', true],
      ['path', false],
      ['crypto', false],
      ['electron', false],
      ['os', true],
    ]);
  });
});

