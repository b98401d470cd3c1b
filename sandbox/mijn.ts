/**
 * The sandbox's `/mijn`: the built `MijnWegwijs.html` as `doGet` returned it, with a small bar to
 * pick the visitor (the same users as the sheet's switcher) and a `google.script.run` that posts
 * each call to `/rpc/<name>` in the web-app context (`X-Wegwijs-WebApp: 1`) as that visitor.
 * Calls are asynchronous, arguments and results JSON round-tripped, as on Google.
 */

/** The script put before the page's own: defines `google.script.run` for the chosen visitor. */
function shim(user: string): string {
  return `(function () {
  var user = ${JSON.stringify(user)};
  function runner(ok, fail) {
    var target = {
      withSuccessHandler: function (f) { return runner(f, fail); },
      withFailureHandler: function (f) { return runner(ok, f); }
    };
    return new Proxy(target, {
      get: function (t, name) {
        if (name in t) return t[name];
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/rpc/' + encodeURIComponent(String(name)), {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Wegwijs-User': user, 'X-Wegwijs-WebApp': '1' },
            body: JSON.stringify(args)
          }).then(function (r) { return r.json(); }).then(function (answer) {
            if (answer.ok) { if (ok) ok(answer.value); }
            else if (fail) fail(new Error(answer.error));
          }, function (e) { if (fail) fail(e); });
        };
      }
    });
  }
  window.google = { script: { run: runner(null, null) } };
})();`;
}

/** The bar above the page: who visits (`?user=`); the choices come from `/api/users`. */
function bar(user: string): string {
  return `<div id="mijn-bar" style="font:14px Arial,sans-serif;background:#f1f3f4;padding:8px;border-bottom:1px solid #dadce0">
<label>Bezoeker (sandbox): <select id="mijn-user" data-testid="mijn-user"><option value="">(geen e-mail)</option></select></label>
</div>
<script>(function () {
  var current = ${JSON.stringify(user)};
  var select = document.getElementById('mijn-user');
  fetch('/api/users').then(function (r) { return r.json(); }).then(function (body) {
    (body.users || []).forEach(function (u) {
      var o = document.createElement('option');
      o.value = u.email; o.textContent = (u.name || u.email) + ' (' + u.role + ')';
      select.appendChild(o);
    });
    var extra = ['onbekend@vso-demo.example'];
    extra.forEach(function (e) { var o = document.createElement('option'); o.value = e; o.textContent = e; select.appendChild(o); });
    select.value = current;
  });
  select.addEventListener('change', function () { location.search = '?user=' + encodeURIComponent(select.value); });
})();</script>`;
}

/** The page for `/mijn`: the HTML doGet served, with the visitor bar and the web-app shim. */
export function mijnPage(html: string, user: string): string {
  const head = `<script>${shim(user).replace(/<\/script/gi, '<\\/script')}</script>`;
  const withShim = html.replace('<head>', `<head>\n${head}`);
  // The page's own links open in a new tab (<base target="_blank">); the bar navigates this one.
  return withShim.replace('<body>', `<body>\n${bar(user)}`);
}
