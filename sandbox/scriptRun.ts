/** The serialization rules of google.script.run between a sidebar page and the server. */

/**
 * True for a plain object of any realm: its prototype is null or an `Object.prototype` (one whose
 * own prototype is null and whose constructor is named Object).
 */
function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null) return true;
  if (Object.getPrototypeOf(proto) !== null) return false;
  const ctor = (proto as { constructor?: { name?: string } }).constructor;
  return typeof ctor === 'function' && ctor.name === 'Object';
}

function describe(value: unknown): string | null {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'bigint') return 'a bigint';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (Object.prototype.toString.call(value) === '[object Date]') return 'a Date';
  return null;
}

function pathOf(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}

/**
 * Checks the arguments of a google.script.run call (an array of the arguments). Google's rule:
 * only primitives (number, boolean, string, null) and plain objects and arrays of them; a Date,
 * a function or a class instance makes the call fail, and so does a circular reference. Null
 * means the call may go; otherwise an English reason naming the path, e.g.
 * `argument 0.startDate is a Date`.
 *
 * Google documents that `undefined` inside an array becomes null and an undefined object field
 * is dropped: both pass here (see {@link toScriptRunArguments}); NaN and ±Infinity are refused
 * because they arrive as null and change meaning silently.
 */
export function checkScriptRunArguments(args: unknown): string | null {
  const list = Array.isArray(args) ? args : [args];
  const seen = new Set<object>();
  const visit = (value: unknown, path: string, inContainer: 'array' | 'object' | 'top'): string | null => {
    if (value === undefined && inContainer !== 'top') return null;
    const bad = describe(value);
    if (bad) return `${path} is ${bad}`;
    if (value === null || typeof value !== 'object') return null;
    if (seen.has(value)) return `${path} is a circular reference`;
    const isArray = Array.isArray(value);
    if (!isArray && !isPlainObject(value)) {
      const name =
        (Object.getPrototypeOf(value) as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      return `${path} is an instance of ${name}`;
    }
    seen.add(value);
    try {
      if (isArray) {
        for (let i = 0; i < value.length; i++) {
          const reason = visit(value[i], pathOf(path, i), 'array');
          if (reason) return reason;
        }
      } else {
        for (const key of Object.keys(value)) {
          const reason = visit((value as Record<string, unknown>)[key], pathOf(path, key), 'object');
          if (reason) return reason;
        }
      }
    } finally {
      seen.delete(value);
    }
    return null;
  };
  for (let i = 0; i < list.length; i++) {
    // A trailing undefined argument is simply not sent, so only refuse it inside containers.
    if (list[i] === undefined) continue;
    const reason = visit(list[i], `argument ${i}`, 'top');
    if (reason) return reason;
  }
  return null;
}

/** The copy of valid arguments the server receives (JSON-like: undefined in arrays → null). */
export function toScriptRunArguments(args: unknown[]): unknown[] {
  return args.map((a) => (a === undefined ? null : (JSON.parse(JSON.stringify(a)) as unknown)));
}

function containsDate(value: unknown, seen = new Set<object>()): boolean {
  if (Object.prototype.toString.call(value) === '[object Date]') return true;
  if (value === null || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).some((v) => containsDate(v, seen));
}

/**
 * What the page's success handler receives for a server return value: a JSON round trip
 * (functions and undefined fields dropped, NaN → null), except that a result containing a Date
 * anywhere arrives as `null` as a whole, without an error (see PLATFORM.md). Undefined → null.
 */
export function toScriptRunResult(value: unknown): unknown {
  if (value === undefined || containsDate(value)) return null;
  const json = JSON.stringify(value);
  return json === undefined ? null : (JSON.parse(json) as unknown);
}
