/**
 * Builds exactly build/appsscript.json, build/Code.js, build/Sidebar.html, build/MijnWegwijs.html and
 * build/English.html (the English texts, read by Code.js only when needed).
 *
 * Code.js: the server entry bundled as one IIFE (target SERVER_TARGET, es2019, as Apps Script's V8
 * cannot parse some newer syntax), followed by a top-level `function` for every exported function, because
 * menus, triggers and google.script.run only see top-level function declarations. The names come
 * from the entry's exports (an ES-module build's metafile), never from a hand list.
 *
 * Sidebar.html: one self-contained page with JS and CSS inlined; template literals lowered,
 * because Apps Script strips `//` and `/*` inside them in served HTML.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vm from 'node:vm';
import { build, type Plugin, transform } from 'esbuild';
import { SERVER_TARGET, SIDEBAR_TARGET } from './targets.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build');
const quiet = process.argv.includes('--quiet');
const GLOBAL = 'Wegwijs';

/**
 * The English catalogue leaves Code.js for a project file read only when an English text is
 * needed: the `const en: Messages = {…};` object of src/app/texts/messages.ts, whatever keys it holds.
 */
export const ENGLISH_FILE = 'English';
let english = '';
const englishOut: Plugin = {
  name: 'english-out',
  setup(b) {
    b.onLoad({ filter: /[\\/]app[\\/]texts[\\/]messages\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const start = source.indexOf('const en: Messages = {');
      const end = source.indexOf('\n};\n', start);
      if (start < 0 || end < 0)
        throw new Error('messages.ts: the `const en: Messages = {…};` catalogue was not found');
      const literal = source.slice(start + 'const en: Messages = '.length, end + 2);
      english = JSON.stringify(vm.runInNewContext(`(${literal})`));
      return {
        contents: `${source.slice(0, start)}const en: Messages = null as unknown as Messages;${source.slice(end + 3)}`,
        loader: 'ts',
      };
    });
  },
};

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const define = { WEGWIJS_VERSION: JSON.stringify(pkg.version) };

async function buildCode(): Promise<string> {
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
    plugins: [englishOut],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    define,
    logLevel: 'warning',
  });
  const code = iife.outputFiles[0]!.text;
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

/** One self-contained HTML page (sidebar or web page): its entry, CSS and template inlined. */
async function buildPage(dir: string, entryName: string, cssName: string): Promise<string> {
  const js = await build({
    entryPoints: [join(root, dir, entryName)],
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
    define,
    logLevel: 'warning',
  });
  const css = (
    await transform(readFileSync(join(root, dir, cssName), 'utf8'), {
      loader: 'css',
      minify: true,
    })
  ).code;
  const html = readFileSync(join(root, dir, 'index.html'), 'utf8');
  // `</script` inside the inlined code would end the element early.
  const script = js.outputFiles[0]!.text.replace(/<\/script/gi, '<\\/script');
  return html.replace('/*INLINE_CSS*/', () => css).replace('/*INLINE_JS*/', () => script);
}

const [code, sidebar, page] = await Promise.all([
  buildCode(),
  buildPage('src/sidebar', 'main.tsx', 'sidebar.css'),
  buildPage('src/page', 'main.tsx', 'page.css'),
]);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'Code.js'), code);
writeFileSync(join(out, 'Sidebar.html'), sidebar);
writeFileSync(join(out, 'MijnWegwijs.html'), page);
writeFileSync(join(out, `${ENGLISH_FILE}.html`), english);
writeFileSync(join(out, 'appsscript.json'), readFileSync(join(root, 'appsscript.json')));
if (!quiet) {
  for (const file of [
    'appsscript.json',
    'Code.js',
    'Sidebar.html',
    'MijnWegwijs.html',
    `${ENGLISH_FILE}.html`,
  ]) {
    const kb = (statSync(join(out, file)).size / 1024).toFixed(1);
    console.log(`build/${file.padEnd(16)} ${kb.padStart(7)} KB`);
  }
}
