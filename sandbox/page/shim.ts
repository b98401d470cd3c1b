/**
 * `google.script.run` and `google.script.host` for a sidebar or dialog served by the sandbox. The
 * document is sandboxed (opaque origin), so calls go to the parent page by postMessage; the page
 * sends them to `/rpc` as the user chosen in its switcher. Behaves like Google's: asynchronous,
 * at most 10 calls in flight, arguments Google refuses (a Date) fail before anything is sent.
 */
import { checkScriptRunArguments } from '../scriptRun.ts';

interface ShimConfig {
  functions: string[];
}

type Handler = (value: unknown, userObject: unknown) => void;

interface Pending {
  name: string;
  body: string;
  success: Handler | undefined;
  failure: Handler | undefined;
  userObject: unknown;
}

/** Messages between the shim and the page (the page's side is in bridge.ts). */
export interface RpcRequestMessage {
  wegwijs: 'rpc';
  id: number;
  name: string;
  body: string;
}
export interface RpcResultMessage {
  wegwijs: 'rpc-result';
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}
export interface HostMessage {
  wegwijs: 'host';
  action: 'close' | 'focus' | 'setHeight' | 'setWidth';
  value?: number;
}

const MAX_IN_FLIGHT = 10;

(() => {
  const w = window as unknown as { __wegwijsShim?: ShimConfig; google?: unknown };
  const config: ShimConfig = w.__wegwijsShim ?? { functions: [] };
  const inFlight = new Map<number, Pending>();
  const queue: Pending[] = [];
  let nextId = 1;

  const later = (fn: () => void) => setTimeout(fn, 0);

  /** Google reports a failed call without a failure handler as an uncaught error in the console. */
  const fail = (call: Pending, message: string) => {
    const error = new Error(message);
    later(() => {
      if (call.failure) call.failure(error, call.userObject);
      else throw error;
    });
  };

  const pump = () => {
    while (inFlight.size < MAX_IN_FLIGHT && queue.length > 0) {
      const call = queue.shift() as Pending;
      const id = nextId++;
      inFlight.set(id, call);
      const message: RpcRequestMessage = { wegwijs: 'rpc', id, name: call.name, body: call.body };
      window.parent.postMessage(message, '*');
    }
  };

  window.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== window.parent) return;
    const data = event.data as RpcResultMessage | undefined;
    if (data?.wegwijs !== 'rpc-result') return;
    const call = inFlight.get(data.id);
    if (!call) return;
    inFlight.delete(data.id);
    pump();
    if (data.ok) {
      if (call.success) call.success(data.value ?? null, call.userObject);
    } else {
      fail(call, data.error ?? 'Onbekende fout');
    }
  });

  const runner = (success?: Handler, failure?: Handler, userObject?: unknown): Record<string, unknown> => {
    const target: Record<string, unknown> = {
      withSuccessHandler: (fn: Handler) => runner(fn, failure, userObject),
      withFailureHandler: (fn: Handler) => runner(success, fn, userObject),
      withUserObject: (object: unknown) => runner(success, failure, object),
    };
    for (const name of config.functions) {
      if (name in target) continue;
      target[name] = (...args: unknown[]) => {
        const refused = checkScriptRunArguments(args);
        const call: Pending = { name, body: '', success, failure, userObject };
        if (refused !== null) {
          fail(call, refused);
          return;
        }
        call.body = JSON.stringify(args);
        queue.push(call);
        // Asynchronous like Google: the call leaves after the current task.
        later(pump);
      };
    }
    return target;
  };

  const host = (action: HostMessage['action'], value?: number) => {
    const message: HostMessage = { wegwijs: 'host', action, ...(value !== undefined ? { value } : {}) };
    window.parent.postMessage(message, '*');
  };

  w.google = {
    script: {
      run: runner(),
      host: {
        origin: 'https://docs.google.com',
        close: () => host('close'),
        setHeight: (h: number) => host('setHeight', h),
        setWidth: (v: number) => host('setWidth', v),
        editor: { focus: () => host('focus') },
      },
    },
  };
})();
