/**
 * How a tab should look: its columns' types and allowed values (formats and validation), and a
 * frozen header. Setup lays out every tab with it, and the archive a tab it creates by a move.
 */
import { ALL_LOCATIONS, acceptedNames, type ColumnSpec, SCHEMA, type TabKey } from '../core/schema';
import type { TabLayout } from './ports';

/**
 * The layout of `key`'s tab. `header` is the header row as the tab has it, when known (the
 * gateway reads it otherwise); `locations` are the allowed values of a location column.
 */
export function tabLayout(
  key: TabKey,
  header: readonly string[] | undefined,
  locations: readonly string[],
): TabLayout {
  return {
    ...(header ? { header } : {}),
    columns: (Object.values(SCHEMA[key].columns) as ColumnSpec[]).map((c) => ({
      names: acceptedNames(c),
      type: c.validation ? 'choice' : c.type,
      choices:
        c.validation === 'locations'
          ? locations
          : c.validation === 'locationsOrAll'
            ? [ALL_LOCATIONS, ...locations]
            : c.choices,
    })),
  };
}
