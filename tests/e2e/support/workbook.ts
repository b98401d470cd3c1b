/** Reads and edits the sandbox's workbook by header name, as a person would in the grid. */
import type { TestSandbox } from './sandbox.ts';

export type Cell = string | number | boolean | null;

/** The rows of a tab as objects keyed by the header row's names. */
export async function readTab(sandbox: TestSandbox, tab: string): Promise<Record<string, Cell>[]> {
  const { status, body } = await sandbox.api('GET', `/api/workbook/${encodeURIComponent(tab)}`);
  if (status !== 200) throw new Error(`GET ${tab}: ${status} ${JSON.stringify(body)}`);
  const [header = [], ...rows] = body.values as Cell[][];
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [String(name), row[i] ?? null])));
}

/** Adds rows below a tab's last row; each row is given by header name (missing columns stay empty). */
export async function addRows(
  sandbox: TestSandbox,
  tab: string,
  rows: readonly Record<string, Cell>[],
): Promise<void> {
  const { body } = await sandbox.api('GET', `/api/workbook/${encodeURIComponent(tab)}`);
  const header = (body.values as Cell[][])[0]!.map(String);
  const unknown = rows.flatMap((r) => Object.keys(r)).filter((k) => !header.includes(k));
  if (unknown.length) throw new Error(`${tab} has no column ${unknown[0]}`);
  const grid = rows.map((r) => header.map((name) => r[name] ?? null));
  const answer = await sandbox.api('POST', `/api/workbook/${encodeURIComponent(tab)}/rows`, { rows: grid });
  if (answer.status !== 200)
    throw new Error(`POST ${tab} rows: ${answer.status} ${JSON.stringify(answer.body)}`);
}

/** Sets one cell of the row whose `keyColumn` equals `key` (the cell PATCH of the page's grid). */
export async function setCell(
  sandbox: TestSandbox,
  tab: string,
  keyColumn: string,
  key: string,
  column: string,
  value: Cell,
): Promise<void> {
  const { body } = await sandbox.api('GET', `/api/workbook/${encodeURIComponent(tab)}`);
  const values = body.values as Cell[][];
  const header = values[0]!.map(String);
  const row = values.findIndex((r, i) => i > 0 && r[header.indexOf(keyColumn)] === key);
  const col = header.indexOf(column);
  if (row < 1 || col < 0)
    throw new Error(`${tab}: no row with ${keyColumn} = ${key}, or no column ${column}`);
  const answer = await sandbox.api('PATCH', `/api/workbook/${encodeURIComponent(tab)}`, {
    cells: [{ row: row + 1, col: col + 1, value }],
  });
  if (answer.status !== 200) throw new Error(`PATCH ${tab}: ${answer.status} ${JSON.stringify(answer.body)}`);
}
