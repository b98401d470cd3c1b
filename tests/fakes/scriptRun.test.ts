// Behaviour of the google.script.run serialization rules.
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { checkScriptRunArguments, toScriptRunArguments, toScriptRunResult } from '../../sandbox/scriptRun.ts';

describe('arguments of google.script.run', () => {
  it('accepts primitives, null and plain objects and arrays of them', () => {
    expect(checkScriptRunArguments([1, 'a', true, null, { a: [1, { b: null }] }, []])).toBeNull();
    expect(checkScriptRunArguments([Object.create(null)])).toBeNull();
    expect(checkScriptRunArguments([vm.runInNewContext('({ a: [1] })')])).toBeNull();
  });

  it('refuses a Date anywhere, naming its path', () => {
    expect(checkScriptRunArguments([{ startDate: new Date() }])).toBe('argument 0.startDate is a Date');
    expect(checkScriptRunArguments(['x', [{ when: [new Date()] }]])).toBe('argument 1.0.when.0 is a Date');
  });

  it('refuses functions, class instances, symbols, bigints, NaN and Infinity', () => {
    class Newcomer {
      name = 'Eva';
    }
    expect(checkScriptRunArguments([{ f: () => 1 }])).toBe('argument 0.f is a function');
    expect(checkScriptRunArguments([new Newcomer()])).toBe('argument 0 is an instance of Newcomer');
    expect(checkScriptRunArguments([new Map()])).toBe('argument 0 is an instance of Map');
    expect(checkScriptRunArguments([Symbol('s')])).toBe('argument 0 is a symbol');
    expect(checkScriptRunArguments([1n])).toBe('argument 0 is a bigint');
    expect(checkScriptRunArguments([1, Number.NaN])).toBe('argument 1 is NaN');
    expect(checkScriptRunArguments([{ n: Number.POSITIVE_INFINITY }])).toBe('argument 0.n is Infinity');
  });

  it('refuses cycles but accepts a shared object', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(checkScriptRunArguments([loop])).toBe('argument 0.self is a circular reference');
    const shared = { a: 1 };
    expect(checkScriptRunArguments([{ x: shared, y: shared }])).toBeNull();
  });

  it('passes undefined inside arrays and objects as Google documents: null in arrays, dropped fields', () => {
    expect(checkScriptRunArguments([[1, undefined], { a: undefined }])).toBeNull();
    expect(toScriptRunArguments([[1, undefined], { a: undefined, b: 2 }])).toEqual([[1, null], { b: 2 }]);
  });
});

describe('results of google.script.run', () => {
  it('arrive as a JSON round trip: functions dropped, NaN becomes null', () => {
    expect(toScriptRunResult({ a: 1, f: () => 1, u: undefined, list: [1, Number.NaN] })).toEqual({
      a: 1,
      list: [1, null],
    });
    expect(toScriptRunResult(undefined)).toBeNull();
    expect(toScriptRunResult('tekst')).toBe('tekst');
  });

  it('arrive as null as a whole when a Date is anywhere inside', () => {
    expect(toScriptRunResult({ ok: true, rows: [{ start: new Date() }] })).toBeNull();
    expect(toScriptRunResult(new Date())).toBeNull();
    expect(toScriptRunResult([vm.runInNewContext('new Date()')])).toBeNull();
  });
});
