/** The workbook's grid: cells as a person edits and pastes them in Sheets. */
import { useState } from 'preact/hooks';
import { type Cell, cellText, columnLetters, type Grid, parseTsv } from './api.ts';
import { type SheetChart, SheetCharts } from './charts.tsx';

function GridCell(props: {
  value: Cell;
  row: number;
  col: number;
  onCommit: (row: number, col: number, text: string) => void;
  onPasteBlock: (row: number, col: number, rows: string[][]) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const text = cellText(props.value);
  const commit = () => {
    if (draft !== null && draft !== text) props.onCommit(props.row, props.col, draft);
    setDraft(null);
  };
  return (
    <td class={typeof props.value === 'number' ? 'num' : undefined}>
      <input
        data-testid={`cell-${props.row}-${props.col}`}
        aria-label={`${columnLetters(props.col)}${props.row}`}
        value={draft ?? text}
        title={text}
        onFocus={() => setDraft(text)}
        onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
          if (e.key === 'Escape') {
            setDraft(text);
            (e.target as HTMLInputElement).blur();
          }
        }}
        onPaste={(e) => {
          const data = e.clipboardData?.getData('text/plain') ?? '';
          if (!/[\t\n]/.test(data.replace(/\r?\n$/, ''))) return;
          e.preventDefault();
          setDraft(null);
          props.onPasteBlock(props.row, props.col, parseTsv(data));
        }}
      />
    </td>
  );
}

export function SheetGrid(props: {
  tab: string;
  values: Grid;
  charts: readonly SheetChart[];
  extraRows: number;
  onCommit: (row: number, col: number, text: string) => void;
  onPasteBlock: (row: number, col: number, rows: string[][]) => void;
}) {
  const width = Math.max(props.values[0]?.length ?? 0, ...props.values.map((r) => r.length), 1);
  const rows = props.values.length + props.extraRows;
  const lines: preact.JSX.Element[] = [];
  for (let r = 1; r <= Math.max(rows, 1); r++) {
    const row = props.values[r - 1] ?? [];
    lines.push(
      <tr key={r} class={r === 1 ? 'header' : undefined}>
        <th class="rownum">{r}</th>
        {Array.from({ length: width }, (_, c) => (
          <GridCell
            key={`${props.tab}-${r}-${c + 1}`}
            value={row[c] ?? null}
            row={r}
            col={c + 1}
            onCommit={props.onCommit}
            onPasteBlock={props.onPasteBlock}
          />
        ))}
      </tr>,
    );
  }
  return (
    <div class="grid-scroll">
      <table class="grid" data-testid="grid">
        <thead>
          <tr>
            <th class="corner" />
            {Array.from({ length: width }, (_, c) => (
              <th key={c}>{columnLetters(c + 1)}</th>
            ))}
          </tr>
        </thead>
        <tbody>{lines}</tbody>
      </table>
      <SheetCharts charts={props.charts} />
    </div>
  );
}
