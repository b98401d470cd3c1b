/** Puts the google.script.run shim in front of a sidebar's or dialog's HTML, as Google's wrapper does. */

/** Text safe inside a `<script>` element: no `</script`, no `<!--`. */
function scriptSafe(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/**
 * The HTML exactly as the add-on built it, with one `<script>` first in `<head>` (or first in the
 * document when it has no head): the shim, told which global functions the script has, so
 * `google.script.run.unknown` is undefined as on Google.
 */
export function injectShim(html: string, shim: string, functions: readonly string[]): string {
  const config = JSON.stringify({ functions }).replace(/</g, '\\u003c');
  const tag = `<script>window.__wegwijsShim=${config};\n${scriptSafe(shim)}</script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (doctype) return doctype[0] + tag + html.slice(doctype[0].length);
  return tag + html;
}
