/**
 * The sidebar's client for google.script.run: the one shared client (`components/rpc.ts`),
 * narrowed to the sidebar's contract so the sidebar can only call what it is meant to.
 */
import { call as callServer } from '../components/rpc';
import type { SidebarApi } from '../shared/api';

/** Calls a server function; rejects with the server's message for the user. */
export const call: <K extends keyof SidebarApi>(
  name: K,
  ...args: Parameters<SidebarApi[K]>
) => Promise<ReturnType<SidebarApi[K]>> = callServer;
