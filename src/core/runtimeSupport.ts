/**
 * Feature detection of the JavaScript the bundle relies on, for the self-check in "Over Wegwijs".
 * Apps Script's V8 has all of these; an old Rhino project would not.
 */
export function missingRuntimeFeatures(): string[] {
  const checks: [string, () => boolean][] = [
    [
      'String.prototype.normalize',
      () => typeof ''.normalize === 'function' && 'é'.normalize('NFD').length === 2,
    ],
    ['Array.prototype.flatMap', () => typeof [].flatMap === 'function'],
    ['Object.fromEntries', () => typeof Object.fromEntries === 'function'],
    ['String.prototype.padStart', () => typeof ''.padStart === 'function'],
    ['Map/Set', () => typeof Map === 'function' && typeof Set === 'function'],
    ['JSON', () => typeof JSON === 'object' && JSON.stringify({ a: 1 }) === '{"a":1}'],
  ];
  return checks.filter(([, ok]) => !ok()).map(([name]) => name);
}
