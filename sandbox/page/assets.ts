/**
 * Bundles the sandbox page and the google.script.run shim with esbuild, in memory, when the
 * sandbox starts (nothing is written to disk; the page is never part of the add-on).
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const HERE = dirname(fileURLToPath(import.meta.url));

export interface PageAssets {
  html: string;
  script: string;
  css: string;
  /** The shim as one classic script (IIFE), injected into every sidebar and dialog. */
  shim: string;
}

async function bundle(entry: string, format: 'esm' | 'iife'): Promise<string> {
  const result = await build({
    entryPoints: [join(HERE, entry)],
    bundle: true,
    write: false,
    format,
    target: 'es2022',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

const HTML = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Wegwijs sandbox</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/page.css">
</head>
<body>
<div id="app"></div>
<script type="module" src="/page.js"></script>
</body>
</html>
`;

export async function buildPageAssets(): Promise<PageAssets> {
  const [script, shim, css] = await Promise.all([
    bundle('main.tsx', 'esm'),
    bundle('shim.ts', 'iife'),
    readFile(join(HERE, 'style.css'), 'utf8'),
  ]);
  return { html: HTML, script, css, shim };
}
