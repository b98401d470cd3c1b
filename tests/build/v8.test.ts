/**
 * The built Code.js, read as Apps Script's V8 reads it: no syntax newer than the build target, no
 * browser or Node API that Apps Script lacks, no built-in newer than the target that its V8 may
 * lack. Parsed into an ESTree AST (oxc's parser, through rolldown, which vite ships), so strings
 * and property names never count as uses.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';
import { SERVER_TARGET } from '../../scripts/targets';
import { CHUNKS, SHARED_MODULES, SHARED_PARAMETER } from '../../src/server/chunks';

const code = readFileSync(new URL('../../build/Code.js', import.meta.url), 'utf8');
/** Each chunk as `loadChunk` evaluates it: the body of a function of the shared modules. */
const chunks = Object.keys(CHUNKS).map((name) => ({
  name,
  code: `(function (${SHARED_PARAMETER}) {\n${readFileSync(new URL(`../../build/${name}.html`, import.meta.url), 'utf8')}\n})`,
}));
const buildScript = readFileSync(new URL('../../scripts/build.ts', import.meta.url), 'utf8');

/** Globals of browsers or Node that Apps Script's server runtime does not have (PLATFORM.md "Runtime"). */
const MISSING_GLOBALS = [
  'setTimeout',
  'setInterval',
  'clearTimeout',
  'clearInterval',
  'setImmediate',
  'queueMicrotask',
  'requestAnimationFrame',
  'TextEncoder',
  'TextDecoder',
  'structuredClone',
  'URL',
  'URLSearchParams',
  'fetch',
  'Request',
  'Response',
  'Headers',
  'AbortController',
  'Blob',
  'File',
  'FormData',
  'atob',
  'btoa',
  'crypto',
  'performance',
  'navigator',
  'window',
  'document',
  'self',
  'process',
  'require',
  'module',
  'Buffer',
  'global',
];

/** `Object.x` style built-ins newer than ES2019 that Apps Script's V8 may not have. */
const NEWER_STATICS: Record<string, string[]> = {
  Object: ['hasOwn', 'groupBy'],
  Map: ['groupBy'],
  Array: ['fromAsync'],
  Promise: ['any', 'withResolvers'],
  Intl: ['Segmenter'],
};

/** Prototype methods newer than ES2020, when called (`x.at(-1)`). */
const NEWER_METHODS = [
  'at',
  'replaceAll',
  'findLast',
  'findLastIndex',
  'toSorted',
  'toReversed',
  'toSpliced',
  'isWellFormed',
  'toWellFormed',
];

type Node = { type: string; [key: string]: unknown };

function walk(
  node: unknown,
  visit: (node: Node, parent: Node | null, key: string) => void,
  parent: Node | null = null,
  key = '',
): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit, parent, key);
    return;
  }
  if (!node || typeof node !== 'object' || typeof (node as Node).type !== 'string') return;
  visit(node as Node, parent, key);
  for (const [k, child] of Object.entries(node)) if (k !== 'type') walk(child, visit, node as Node, k);
}

/** Names bound anywhere in the file (declarations, parameters, catch clauses); patterns followed. */
function boundNames(program: Node): Set<string> {
  const names = new Set<string>();
  const bind = (pattern: unknown): void => {
    const p = pattern as Node | null;
    if (!p) return;
    if (p.type === 'Identifier') names.add(p.name as string);
    else if (p.type === 'ObjectPattern')
      for (const prop of p.properties as Node[])
        bind(prop.type === 'RestElement' ? prop.argument : prop.value);
    else if (p.type === 'ArrayPattern') for (const el of p.elements as Node[]) bind(el);
    else if (p.type === 'RestElement') bind(p.argument);
    else if (p.type === 'AssignmentPattern') bind(p.left);
  };
  walk(program, (node) => {
    if (node.type === 'VariableDeclarator') bind(node.id);
    if (/Function/.test(node.type)) {
      bind(node.id);
      for (const param of (node.params as Node[]) ?? []) bind(param);
    }
    if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') bind(node.id);
    if (node.type === 'CatchClause') bind(node.param);
  });
  return names;
}

/** Identifiers used as values (not property names, keys or labels). */
function referencedNames(program: Node): Set<string> {
  const names = new Set<string>();
  walk(program, (node, parent, key) => {
    if (node.type !== 'Identifier' || !parent) return;
    if (parent.type === 'MemberExpression' && key === 'property' && !parent.computed) return;
    if (
      (parent.type === 'Property' ||
        parent.type === 'MethodDefinition' ||
        parent.type === 'PropertyDefinition') &&
      key === 'key' &&
      !parent.computed
    )
      return;
    if (/Labeled|Break|Continue/.test(parent.type) && key === 'label') return;
    names.add(node.name as string);
  });
  return names;
}

/** What in this program is newer than ES2019 syntax, as `kind at offset`. */
function syntaxNewerThanEs2019(program: Node, source: string): string[] {
  const found: string[] = [];
  const at = (node: Node, what: string) => found.push(`${what} at ${node.start as number}`);
  walk(program, (node) => {
    if (node.type === 'ChainExpression') at(node, 'optional chaining');
    if (node.type === 'LogicalExpression' && node.operator === '??') at(node, 'nullish coalescing');
    if (node.type === 'AssignmentExpression' && ['??=', '||=', '&&='].includes(node.operator as string))
      at(node, 'logical assignment');
    if (node.type === 'PropertyDefinition') at(node, 'class field');
    if (node.type === 'PrivateIdentifier') at(node, 'private name');
    if (node.type === 'StaticBlock') at(node, 'static block');
    if (node.type === 'ImportExpression') at(node, 'import()');
    if (node.type === 'MetaProperty') at(node, 'import.meta');
    if (node.type === 'Literal' && typeof node.bigint === 'string') at(node, 'BigInt literal');
    if (
      node.type === 'Literal' &&
      typeof node.value === 'number' &&
      source.slice(node.start as number, node.end as number).includes('_')
    )
      at(node, 'numeric separator');
    const regex = node.regex as { flags?: string } | undefined;
    if (node.type === 'Literal' && regex && /[dv]/.test(regex.flags ?? '')) at(node, 'regexp flag d/v');
  });
  return found;
}

/** Uses of forbidden globals, statics and methods in a program. */
function apiUses(program: Node): string[] {
  const bound = boundNames(program);
  const referenced = referencedNames(program);
  const found = MISSING_GLOBALS.filter((name) => referenced.has(name) && !bound.has(name)).map(
    (n) => `global ${n}`,
  );
  walk(program, (node, parent, key) => {
    if (node.type !== 'MemberExpression' || node.computed) return;
    const object = node.object as Node;
    const property = (node.property as Node).name as string;
    if (
      object.type === 'Identifier' &&
      ['globalThis', 'this'].includes(object.name as string) &&
      MISSING_GLOBALS.includes(property)
    )
      found.push(`global ${property}`);
    if (
      object.type === 'Identifier' &&
      !bound.has(object.name as string) &&
      NEWER_STATICS[object.name as string]?.includes(property)
    )
      found.push(`${object.name as string}.${property}`);
    // Only calls: `at` is also a plain field name (`state.at`) in Wegwijs' own objects.
    if (NEWER_METHODS.includes(property) && parent?.type === 'CallExpression' && key === 'callee')
      found.push(`.${property}()`);
  });
  return [...new Set(found)].sort();
}

const parse = (source: string) => parseAst(source, { sourceType: 'script' }) as unknown as Node;

describe('Code.js as V8 in Apps Script runs it', () => {
  it('is built with an explicit ES2019 target', () => {
    expect(SERVER_TARGET).toBe('es2019');
    expect(buildScript).toContain('target: SERVER_TARGET');
    expect(buildScript).not.toMatch(/target: 'es20(2\d|next)'/);
  });

  it('parses as a classic script (no modules, no top-level await)', () => {
    expect(() => parse(code)).not.toThrow();
    expect(() => parseAst(`${code}\nawait 1;`, { sourceType: 'script' })).toThrow();
  });

  it('has no syntax newer than its target', () => {
    expect(syntaxNewerThanEs2019(parse(code), code)).toEqual([]);
  });

  it('uses no API Apps Script lacks, and no built-in newer than its target', () => {
    expect(apiUses(parse(code))).toEqual([]);
  });

  describe.each(chunks)('and the chunk $name, which Code.js evaluates on first use,', (chunk) => {
    it('parses as a function body in a classic script', () => {
      expect(() => parse(chunk.code)).not.toThrow();
    });

    it('has no syntax newer than its target', () => {
      expect(syntaxNewerThanEs2019(parse(chunk.code), chunk.code)).toEqual([]);
    });

    it('uses no API Apps Script lacks, and no built-in newer than its target', () => {
      expect(apiUses(parse(chunk.code))).toEqual([]);
    });

    it('touches no service while loading: it runs with nothing but the shared modules', () => {
      const shared = Object.fromEntries(SHARED_MODULES.map((m) => [m, {}]));
      const modules = vm.runInNewContext(chunk.code)(shared) as Record<string, Record<string, unknown>>;
      expect(Object.keys(modules).sort()).toEqual([...CHUNKS[chunk.name as keyof typeof CHUNKS]].sort());
    });
  });

  describe('the checks themselves', () => {
    it('find newer syntax', () => {
      const sample =
        'var a = b?.c ?? 1n; class X { #p = 1; static s = 2; static { } } x ||= 3; /a/d; var n = 1_000;';
      const kinds = syntaxNewerThanEs2019(parse(sample), sample).map((f) => f.replace(/ at \d+$/, ''));
      expect(new Set(kinds)).toEqual(
        new Set([
          'optional chaining',
          'nullish coalescing',
          'BigInt literal',
          'class field',
          'private name',
          'static block',
          'logical assignment',
          'regexp flag d/v',
          'numeric separator',
        ]),
      );
      const old =
        'var a = b && b.c; class X { m() { return this.x } } try { f() } catch { } /(?<y>a)/s.test(a);';
      expect(syntaxNewerThanEs2019(parse(old), old)).toEqual([]);
    });

    it('find missing APIs and newer built-ins, and leave strings, keys and local names alone', () => {
      const bad =
        'setTimeout(f, 1); new TextEncoder(); structuredClone(x); new URL(u); fetch(u); new Intl.Segmenter(); queueMicrotask(f); atob(s); globalThis.btoa(s); Object.hasOwn(o, k); a.at(-1); s.replaceAll("a", "b");';
      expect(apiUses(parse(bad))).toEqual(
        [
          '.at()',
          '.replaceAll()',
          'Intl.Segmenter',
          'Object.hasOwn',
          'global TextEncoder',
          'global URL',
          'global atob',
          'global btoa',
          'global fetch',
          'global queueMicrotask',
          'global setTimeout',
          'global structuredClone',
        ].sort(),
      );
      const fine =
        'var s = "setTimeout fetch"; var o = { fetch: 1, URL: 2, at: 3 }; o.fetch; o.at >= 0; function g(URL) { return URL } var x = [1].flatMap(f); Object.fromEntries([]); "a".matchAll(/a/g); Utilities.sleep(1);';
      expect(apiUses(parse(fine))).toEqual([]);
    });
  });
});
