/** The workbook view: add or paste rows, the grid of the active tab, and the tab bar below it. */
import type { Grid } from './api.ts';
import type { SheetChart } from './charts.tsx';
import { SheetGrid } from './grid.tsx';

export function SheetPane(props: {
  tabs: Record<string, Grid>;
  charts: Record<string, SheetChart[]>;
  activeTab: string;
  extraRows: Record<string, number>;
  onSelectTab: (name: string) => void;
  onAddRow: () => void;
  onPasteRows: () => void;
  onCommit: (row: number, col: number, text: string) => void;
  onPasteBlock: (row: number, col: number, rows: string[][]) => void;
}) {
  const { tabs, activeTab } = props;
  const tabNames = Object.keys(tabs);
  return (
    <>
      <div class="sheet-actions">
        <button type="button" data-testid="add-row" onClick={props.onAddRow}>
          Rij toevoegen
        </button>
        <button type="button" data-testid="paste-rows" onClick={props.onPasteRows}>
          Rijen plakken…
        </button>
        <span class="muted">
          Een cel bewerken: klik, typ, Enter. Plakken vanuit een spreadsheet kan ook in een cel.
        </span>
      </div>
      {tabNames.length === 0 ? (
        <p class="muted">Het werkblad heeft geen tabbladen.</p>
      ) : (
        <SheetGrid
          tab={activeTab}
          values={tabs[activeTab] ?? []}
          charts={props.charts[activeTab] ?? []}
          extraRows={props.extraRows[activeTab] ?? 0}
          onCommit={props.onCommit}
          onPasteBlock={props.onPasteBlock}
        />
      )}
      <nav class="tabs" aria-label="Tabbladen">
        {tabNames.map((name) => (
          <button
            type="button"
            key={name}
            data-testid={`tab-${name}`}
            aria-current={name === activeTab ? 'page' : undefined}
            onClick={() => props.onSelectTab(name)}
          >
            {name}
          </button>
        ))}
      </nav>
    </>
  );
}
