/**
 * The floor under the sidebar's CPU figure, for `npm run bench` (issue 19): the same reads
 * `getSidebarState` makes, through the real gateway and the fakes, with nothing of the use case.
 * The bench bundles this file on its own and runs it cold, as it runs Code.js.
 * `readTabs`: the tabs' values read and turned into cells, nothing parsed.
 * `parseTabs`: the same, each tab parsed into a `Table` as every request does.
 */
import { SCHEMA, type TabKey } from '../src/core/schema';
import { mapHeader, Table } from '../src/core/table';
import { SpreadsheetGateway } from '../src/gas/sheetGateway';

function keysOf(names: readonly string[]): TabKey[] {
  return (Object.keys(SCHEMA) as TabKey[]).filter((k) => names.includes(SCHEMA[k].nl));
}

function read(names: readonly string[], parse: boolean): number {
  const gateway = new SpreadsheetGateway();
  let rows = 0;
  for (const key of keysOf(names)) {
    const spec = SCHEMA[key];
    const tab = gateway.read([spec.nl, spec.en, ...spec.aliases]);
    if (!tab) continue;
    rows += parse
      ? new Table(key, tab.name, tab.grid, mapHeader(key, tab.name, tab.grid[0]!)).records.length
      : tab.grid.length;
  }
  return rows;
}

export function readTabs(names: string[]): number {
  return read(names, false);
}

export function parseTabs(names: string[]): number {
  return read(names, true);
}
