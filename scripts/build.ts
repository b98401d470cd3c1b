/**
 * Builds exactly build/appsscript.json, build/Code.js, build/Dutch.html and build/English.html (the server's
 * texts, read by Code.js only when needed) and, once per language (`pageFile`: Dutch under the
 * plain name, English with `En`), build/Sidebar.html, build/SidebarViews.html (the sidebar's views
 * loaded on demand) and build/MijnWegwijs.html.
 *
 * Code.js: the server entry bundled as one IIFE (target SERVER_TARGET, es2019, as Apps Script's V8
 * cannot parse some newer syntax), followed by a top-level `function` for every exported function, because
 * menus, triggers and google.script.run only see top-level function declarations. The names come
 * from the entry's exports (an ES-module build's metafile), never from a hand list.
 *
 * Chunk*.html (src/server/chunks.ts): code only some calls need, each chunk one IIFE evaluated by
 * `loadChunk` (root.ts) on first use. In Code.js, each function main.ts calls in a chunk's module is
 * a stand-in that loads the chunk and calls the real one. A chunk shares the modules in
 * SHARED_MODULES with Code.js; every other module it bundles must hold no module state.
 *
 * Sidebar.html: one self-contained page with JS and CSS inlined, in one language (WEGWIJS_LANGUAGE
 * leaves the other catalogue out); template literals lowered, because Apps Script strips `//` and
 * `/*` inside them in served HTML.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vm from 'node:vm';
import { type BuildOptions, build, type OnResolveResult, type Plugin, transform } from 'esbuild';
import { INLINE_PREFIXES } from '../src/app/texts/messages.ts';
import { pageFile, TEXT_FILES } from '../src/gas/htmlFiles.ts';
import {
  CHUNKS,
  type ChunkName,
  IN_CODE_JS,
  SHARED_MODULES,
  SHARED_PARAMETER,
  type SharedModule,
} from '../src/server/chunks.ts';
import type { Language } from '../src/shared/language.ts';
import { SERVER_TARGET, SIDEBAR_TARGET } from './targets.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build');
const quiet = process.argv.includes('--quiet');
const GLOBAL = 'Wegwijs';

/**
 * The server's texts leave Code.js for a project file per language (TEXT_FILES), read only when a
 * call needs a text: the `const en: Messages = {…};` and `const nl = {…};` objects of
 * src/app/texts/messages.ts, whatever keys they hold. Code.js keeps the Dutch texts under
 * INLINE_PREFIXES (the menu's) and is told, by TEXTS_IN_FILES, that the rest is in the files.
 */
const textFiles: Record<Language, string> = { nl: '', en: '' };
const textsOut: Plugin = {
  name: 'texts-out',
  setup(b) {
    b.onLoad({ filter: /[\\/]app[\\/]texts[\\/]messages\.ts$/ }, (args) => {
      let source = readFileSync(args.path, 'utf8');
      /** The object literal after `declaration`, up to the first line that is `closing`. */
      const cut = (declaration: string, closing: string) => {
        const start = source.indexOf(declaration);
        const end = source.indexOf(`\n${closing}\n`, start);
        if (start < 0 || end < 0)
          throw new Error(`messages.ts: the \`${declaration}…${closing}\` catalogue was not found`);
        const literal = source.slice(start + declaration.length - 1, end + 2);
        const texts = vm.runInNewContext(`(${literal})`) as Record<string, string>;
        return { texts, start, end: end + closing.length + 1 };
      };
      const en = cut('const en: Messages = {', '};');
      textFiles.en = JSON.stringify(en.texts);
      source = `${source.slice(0, en.start)}const en: Messages = null as unknown as Messages;${source.slice(en.end)}`;
      const nl = cut('const nl = {', '} as const;');
      textFiles.nl = JSON.stringify(nl.texts);
      const inline = Object.fromEntries(
        Object.entries(nl.texts).filter(([key]) => INLINE_PREFIXES.some((p) => key.startsWith(p))),
      );
      source = `${source.slice(0, nl.start)}const nl = ${JSON.stringify(inline)};${source.slice(nl.end)}`;
      const flag = 'const TEXTS_IN_FILES = false;';
      if (!source.includes(flag)) throw new Error(`messages.ts: \`${flag}\` was not found`);
      return { contents: source.replace(flag, 'const TEXTS_IN_FILES = true;'), loader: 'ts' };
    });
  },
};

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const define = { WEGWIJS_VERSION: JSON.stringify(pkg.version) };

const src = join(root, 'src');
/** A module's path under src without extension (`app/setup`), or null outside src. */
function moduleName(path: string): string | null {
  const rel = relative(src, path).replace(/\\/g, '/');
  return rel.startsWith('..') ? null : rel.replace(/\.tsx?$/, '');
}
/** Where a relative import of `importer`'s folder leads, as a module name (see `moduleName`). */
const importedModule = (resolveDir: string, path: string) =>
  path.startsWith('.') ? moduleName(resolve(resolveDir, path)) : null;

/**
 * Top-level module state: `let`/`var`, or a Map/Set in a camelCase const (a cache); constant
 * tables are UPPER_CASE by the project's style and hold nothing that changes.
 */
const MODULE_STATE =
  /^(?:export\s+)?(?:(?:let|var)\s|const\s+[a-z]\w*\s*(?::[^=]+)?=\s*new\s+(?:Map|Set|WeakMap|WeakSet)\b)/m;

interface Chunk {
  name: ChunkName;
  code: string;
  /** Per module of the chunk: its exported functions. */
  functions: Record<string, string[]>;
}

/** One chunk: its modules as an IIFE whose value the project file's code returns. */
async function buildChunk(name: ChunkName, shared: Record<SharedModule, object>): Promise<Chunk> {
  const modules: readonly string[] = CHUNKS[name];
  const contents = [
    ...modules.map((m, i) => `import * as m${i} from ${JSON.stringify(`./${m}`)};`),
    `export default {${modules.map((m, i) => `${JSON.stringify(m)}: m${i}`).join(',')}};`,
  ].join('\n');
  const sharedIn: Plugin = {
    name: 'shared-in',
    setup(b) {
      b.onResolve({ filter: /^\./ }, (args) => {
        const module = importedModule(args.resolveDir, args.path);
        return module !== null && (SHARED_MODULES as readonly string[]).includes(module)
          ? { path: module, namespace: 'shared' }
          : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'shared' }, (args) => ({
        contents: `module.exports = ${SHARED_PARAMETER}[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
  const result = await build({
    stdin: { contents, resolveDir: src, loader: 'ts', sourcefile: `${name}.ts` },
    bundle: true,
    format: 'iife',
    globalName: 'chunk',
    write: false,
    metafile: true,
    target: SERVER_TARGET,
    plugins: [sharedIn],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    // As in the pages: the chunk is read through HtmlService.
    supported: { 'template-literal': false },
    define,
    logLevel: 'warning',
  });
  for (const input of Object.keys(result.metafile.inputs)) {
    const path = resolve(input);
    if (moduleName(path) === null || !/\.tsx?$/.test(path) || !existsSync(path)) continue;
    if (MODULE_STATE.test(readFileSync(path, 'utf8')))
      throw new Error(
        `${name}: ${moduleName(path)} holds module state; a chunk would get its own copy. Add it to SHARED_MODULES (src/server/chunks.ts) or keep it out of chunks.`,
      );
  }
  const code = `${result.outputFiles[0]!.text}return chunk.default;\n`;
  // Evaluated with the shared modules and no Apps Script globals: nothing touches a service at load.
  const run = vm.runInNewContext(`(function (${SHARED_PARAMETER}) {\n${code}})`) as (
    shared: object,
  ) => Record<string, Record<string, unknown>>;
  const loaded = run(shared);
  const functions: Record<string, string[]> = {};
  for (const m of modules)
    functions[m] = Object.keys(loaded[m] ?? {}).filter((k) => typeof loaded[m]![k] === 'function');
  return { name, code, functions };
}

async function buildChunks(): Promise<Chunk[]> {
  const shared = {} as Record<SharedModule, object>;
  for (const m of SHARED_MODULES) shared[m] = (await import(join(src, `${m}.ts`))) as object;
  return Promise.all((Object.keys(CHUNKS) as ChunkName[]).map((name) => buildChunk(name, shared)));
}

/**
 * In Code.js, main.ts's imports of a chunk's module become stand-ins: each exported function loads
 * the chunk (once per execution) and calls the real one. Other importers get the module itself.
 */
function standIns(chunks: Chunk[]): Plugin {
  const entry = join(src, 'server/main.ts');
  const owner = new Map<string, Chunk>();
  for (const chunk of chunks) for (const m of Object.keys(chunk.functions)) owner.set(m, chunk);
  for (const [m, names] of Object.entries(IN_CODE_JS))
    for (const f of names)
      if (!owner.get(m)?.functions[m]?.includes(f))
        throw new Error(`IN_CODE_JS: ${m} is in no chunk or exports no function ${f}`);
  return {
    name: 'chunk-stand-ins',
    setup(b) {
      b.onResolve({ filter: /^\./ }, (args) => {
        if (args.importer !== entry) return undefined;
        const module = importedModule(args.resolveDir, args.path);
        return module !== null && owner.has(module) ? { path: module, namespace: 'stand-in' } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'stand-in' }, (args) => {
        const chunk = owner.get(args.path)!;
        const eager = IN_CODE_JS[args.path] ?? [];
        const lines = [
          `import { loadChunk } from ${JSON.stringify(join(src, 'server/root.ts'))};`,
          `const m = () => loadChunk(${JSON.stringify(chunk.name)})[${JSON.stringify(args.path)}];`,
          ...chunk.functions[args.path]!.map((f) =>
            eager.includes(f)
              ? `export { ${f} } from ${JSON.stringify(`./${args.path}`)};`
              : `export function ${f}() { return m().${f}.apply(this, arguments); }`,
          ),
        ];
        return { contents: lines.join('\n'), loader: 'js', resolveDir: src };
      });
    },
  };
}

async function buildCode(chunks: Chunk[]): Promise<string> {
  const entry = join(root, 'src/server/main.ts');
  const probe = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outfile: 'probe.js',
    target: SERVER_TARGET,
    define,
    logLevel: 'silent',
  });
  const exports = Object.values(probe.metafile.outputs).flatMap((o) => o.exports);
  const iife = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    write: false,
    target: SERVER_TARGET,
    plugins: [textsOut, standIns(chunks)],
    metafile: true,
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    define,
    logLevel: 'warning',
  });
  const code = iife.outputFiles[0]!.text;
  if (process.argv.includes('--inputs')) {
    // What Code.js is made of: bytes per source module, largest first.
    const inputs = Object.values(iife.metafile.outputs)[0]!.inputs;
    for (const [path, { bytesInOutput }] of Object.entries(inputs).sort(
      (a, b) => b[1].bytesInOutput - a[1].bytesInOutput,
    ))
      if (bytesInOutput >= 100) console.log(`${(bytesInOutput / 1024).toFixed(1).padStart(6)} KB  ${path}`);
  }
  // Evaluate the bundle with no globals at all: this also proves nothing runs at load time that
  // touches a service. Only exported *functions* not ending in `_` become public globals.
  const sandbox: Record<string, unknown> = {};
  vm.runInNewContext(`${code}\nthis.__exports = ${GLOBAL};`, sandbox);
  const api = sandbox.__exports as Record<string, unknown>;
  const publicNames = exports.filter((name) => !name.endsWith('_') && typeof api[name] === 'function').sort();
  const stubs = publicNames.map(
    (name) => `function ${name}(){return ${GLOBAL}.${name}.apply(this,arguments)}`,
  );
  return `${code}\n${stubs.join('\n')}\n`;
}

/**
 * The HTML pages, each built once per language under the name `pageFile` gives it
 * (`SidebarEn.html`): `showSidebar` and `doGet` serve the user's language, so a page carries only
 * its own language's texts.
 */
const LANGUAGES: readonly Language[] = ['nl', 'en'];

/** esbuild options shared by the pages' scripts, for one language. */
function pageOptions(language: Language): BuildOptions {
  return {
    bundle: true,
    format: 'iife',
    write: false,
    target: SIDEBAR_TARGET,
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    supported: { 'template-literal': false },
    define: { ...define, WEGWIJS_LANGUAGE: JSON.stringify(language) },
    logLevel: 'warning',
  };
}

/**
 * The sidebar's rarely opened views (src/sidebar/views.ts: overview, pilot, privacy, a newcomer's
 * check-ins and schedule, suggestions and the proposal) are not in Sidebar.html: they go into
 * the project file SidebarViews(En).html, which `getSidebarViews` returns and the sidebar runs
 * once, the first time one of them is opened (src/sidebar/lazy.tsx). What they share with the
 * page (Preact, texts, kit, …) they take from the page, so there is one Preact and one copy of
 * everything: the names they import from the page's modules are found by bundling the views with
 * those modules left external, then the page exposes exactly those names on `SHARED`.
 */
const VIEWS_ENTRY = join(root, 'src/sidebar/views.ts');
const SHARED = '__wegwijsShared';

async function sidebarScripts(language: Language): Promise<{ page: string; views: string }> {
  const options = pageOptions(language);
  const entry = join(root, 'src/sidebar/main.tsx');
  const probe = await build({ ...options, entryPoints: [entry], metafile: true, minify: false });
  const inPage = new Set(Object.keys(probe.metafile!.inputs).map((p) => resolve(root, p)));
  const toPage = (mark: (path: string) => OnResolveResult): Plugin => ({
    name: 'views-share-the-page',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === 'inner' || args.namespace === 'shared') return undefined;
        const found = await b.resolve(args.path, {
          resolveDir: args.resolveDir,
          kind: args.kind,
          importer: args.importer,
          pluginData: 'inner',
        });
        return inPage.has(found.path) ? mark(found.path) : found;
      });
    },
  });
  // The views as an ES module with the page's modules external: its import lines name what they use.
  const esm = await build({
    ...options,
    entryPoints: [VIEWS_ENTRY],
    format: 'esm',
    minify: false,
    plugins: [toPage((path) => ({ path, external: true }))],
  });
  const names = new Map<string, Set<string>>();
  for (const m of esm.outputFiles![0]!.text.matchAll(
    /^import\s*(?:\{([^}]*)\})?\s*(?:from\s*)?"([^"]+)";$/gm,
  )) {
    const set = names.get(m[2]!) ?? new Set<string>();
    for (const part of (m[1] ?? '').split(',')) if (part.trim()) set.add(part.trim().split(/\s+as\s+/)[0]!);
    names.set(m[2]!, set);
  }
  if (/^import\s*(\*|\w)/m.test(esm.outputFiles![0]!.text))
    throw new Error("src/sidebar/views.ts: only named imports of the page's modules can be shared");
  const modules = [...names.keys()];
  const expose = modules
    .map(
      (path, i) =>
        `import { ${[...names.get(path)!].map((n) => `${n} as m${i}_${n}`).join(', ')} } from ${JSON.stringify(path)};`,
    )
    .join('\n');
  const registry = modules
    .map((path, i) => `${i}: { ${[...names.get(path)!].map((n) => `${n}: m${i}_${n}`).join(', ')} }`)
    .join(', ');
  const page = await build({
    ...options,
    stdin: {
      contents: `${expose}\nimport ${JSON.stringify(entry)};\n(globalThis as any).${SHARED} = { ${registry} };\n`,
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'sidebar-page.ts',
    },
  });
  const views = await build({
    ...options,
    entryPoints: [VIEWS_ENTRY],
    plugins: [
      toPage((path) => ({ path, namespace: 'shared' })),
      {
        name: 'shared-from-page',
        setup(b) {
          b.onLoad({ filter: /.*/, namespace: 'shared' }, (args) => ({
            contents: `export const { ${[...names.get(args.path)!].join(', ')} } = (globalThis as any).${SHARED}[${modules.indexOf(args.path)}];`,
            loader: 'ts',
          }));
        },
      },
    ],
  });
  return { page: page.outputFiles![0]!.text, views: views.outputFiles![0]!.text };
}

/** One self-contained HTML page (sidebar or web page) in one language: script, CSS, template inlined. */
async function buildPage(dir: string, cssName: string, js: string, language: Language): Promise<string> {
  const css = (
    await transform(readFileSync(join(root, dir, cssName), 'utf8'), {
      loader: 'css',
      minify: true,
    })
  ).code;
  const html = readFileSync(join(root, dir, 'index.html'), 'utf8').replace(
    '<html lang="nl">',
    `<html lang="${language}">`,
  );
  // `</script` inside the inlined code would end the element early.
  const script = js.replace(/<\/script/gi, '<\\/script');
  return html.replace('/*INLINE_CSS*/', () => css).replace('/*INLINE_JS*/', () => script);
}

async function pageFiles(language: Language): Promise<{ file: string; text: string }[]> {
  const sidebar = await sidebarScripts(language);
  const page = await build({ ...pageOptions(language), entryPoints: [join(root, 'src/page/main.tsx')] });
  return [
    {
      file: pageFile('Sidebar', language),
      text: await buildPage('src/sidebar', 'sidebar.css', sidebar.page, language),
    },
    { file: pageFile('SidebarViews', language), text: sidebar.views },
    {
      file: pageFile('MijnWegwijs', language),
      text: await buildPage('src/page', 'page.css', page.outputFiles![0]!.text, language),
    },
  ].map((f) => ({ ...f, file: `${f.file}.html` }));
}

const chunks = await buildChunks();
const [code, ...perLanguage] = await Promise.all([buildCode(chunks), ...LANGUAGES.map(pageFiles)]);
const pages = perLanguage.flat();
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'Code.js'), code);
for (const { file, text } of pages) writeFileSync(join(out, file), text);
for (const language of LANGUAGES)
  writeFileSync(join(out, `${TEXT_FILES[language]}.html`), textFiles[language]);
for (const chunk of chunks) writeFileSync(join(out, `${chunk.name}.html`), chunk.code);
writeFileSync(join(out, 'appsscript.json'), readFileSync(join(root, 'appsscript.json')));
if (!quiet) {
  for (const file of [
    'appsscript.json',
    'Code.js',
    ...pages.map((p) => p.file),
    ...LANGUAGES.map((l) => `${TEXT_FILES[l]}.html`),
    ...chunks.map((c) => `${c.name}.html`),
  ]) {
    const kb = (statSync(join(out, file)).size / 1024).toFixed(1);
    console.log(`build/${file.padEnd(22)} ${kb.padStart(7)} KB`);
  }
}
