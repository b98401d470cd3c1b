/**
 * The page's bridge for google.script.run: a call from the sidebar or a dialog (posted by the shim
 * in its frame) goes to `/rpc` as the chosen user, and the answer goes back to that frame.
 */
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { HostMessage, RpcRequestMessage, RpcResultMessage } from './shim.ts';

export interface BridgeOptions {
  /** The frames whose calls are answered (the sidebar, the open dialog). */
  readonly frames: readonly RefObject<HTMLIFrameElement | null>[];
  /** The acting user, read at each call. */
  readonly userRef: { readonly current: string };
  /** `google.script.host.close()` in that frame. */
  readonly onClose: (frame: HTMLIFrameElement) => void;
  /** After every answered call: the server may have changed something. */
  readonly afterCall: () => void;
}

/** Answers the frames' google.script.run calls while the page is open. */
export function useScriptRunBridge(options: BridgeOptions): void {
  // The listener is added once and always sees the latest options.
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    const onMessage = async (event: MessageEvent) => {
      const { frames, userRef, onClose, afterCall } = latest.current;
      const frame = frames
        .map((f) => f.current)
        .find((f): f is HTMLIFrameElement => Boolean(f) && f?.contentWindow === event.source);
      if (!frame) return;
      const data = event.data as RpcRequestMessage | HostMessage;
      if (data?.wegwijs === 'host') {
        if (data.action === 'close') onClose(frame);
        return;
      }
      if (data?.wegwijs !== 'rpc') return;
      let reply: RpcResultMessage;
      try {
        const response = await fetch(`/rpc/${encodeURIComponent(data.name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Wegwijs-User': userRef.current },
          body: data.body,
        });
        const json = (await response.json()) as { ok: boolean; value?: unknown; error?: string };
        reply = json.ok
          ? { wegwijs: 'rpc-result', id: data.id, ok: true, value: json.value }
          : { wegwijs: 'rpc-result', id: data.id, ok: false, error: json.error ?? `HTTP ${response.status}` };
      } catch {
        reply = {
          wegwijs: 'rpc-result',
          id: data.id,
          ok: false,
          error: 'NetworkError: Connection failure due to HTTP 0',
        };
      }
      (event.source as Window | null)?.postMessage(reply, '*');
      afterCall();
    };
    const listener = (event: MessageEvent) => void onMessage(event);
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  }, []);
}
