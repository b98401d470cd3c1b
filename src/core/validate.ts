/**
 * Argument checks for calls from the sidebar: anyone with edit access can call any public
 * function with anything, so every argument is checked on the server.
 */
import { UserError } from './errors';

const MAX_TEXT = 2000;

export function expectBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new UserError('error.badArgument', { field, problem: 'ja/nee' });
  return value;
}

export function expectText(value: unknown, field: string, max = MAX_TEXT): string {
  if (typeof value !== 'string') throw new UserError('error.badArgument', { field, problem: 'tekst' });
  if (value.length > max) throw new UserError('error.badArgument', { field, problem: `max ${max}` });
  return value.trim();
}
