/** The workbook as the grid shows it: tabs, charts, the active tab, and the edits a user makes. */
import { useCallback, useState } from 'preact/hooks';
import { api, type Grid } from './api.ts';
import type { SheetChart } from './charts.tsx';

export function useWorkbook(showError: (prefix: string, error: unknown) => void) {
  const [tabs, setTabs] = useState<Record<string, Grid>>({});
  const [charts, setCharts] = useState<Record<string, SheetChart[]>>({});
  const [activeTab, setActiveTab] = useState<string>('');
  const [extraRows, setExtraRows] = useState<Record<string, number>>({});

  const loadWorkbook = useCallback(async () => {
    const data = await api<{ tabs: Record<string, Grid>; charts?: Record<string, SheetChart[]> }>(
      'GET',
      '/api/workbook',
    );
    setTabs(data.tabs);
    setCharts(data.charts ?? {});
    setActiveTab((current) =>
      current && current in data.tabs ? current : (Object.keys(data.tabs)[0] ?? ''),
    );
  }, []);

  /** Sends cells of the active tab as a user typing or pasting; shows the tab as the server has it. */
  const patchCells = useCallback(
    async (cells: { row: number; col: number; value: string }[], failure: string) => {
      try {
        const data = await api<{ values: Grid }>('PATCH', `/api/workbook/${encodeURIComponent(activeTab)}`, {
          cells,
        });
        setTabs((t) => ({ ...t, [activeTab]: data.values }));
      } catch (error) {
        showError(failure, error);
      }
    },
    [activeTab, showError],
  );

  const commitCell = useCallback(
    (row: number, col: number, text: string) => patchCells([{ row, col, value: text }], 'Opslaan mislukt'),
    [patchCells],
  );

  const pasteBlock = useCallback(
    (row: number, col: number, rows: string[][]) =>
      patchCells(
        rows.flatMap((line, r) => line.map((value, c) => ({ row: row + r, col: col + c, value }))),
        'Plakken mislukt',
      ),
    [patchCells],
  );

  /** Adds rows under the last one; true when they were added. */
  const appendRows = async (rows: string[][]): Promise<boolean> => {
    try {
      const data = await api<{ values: Grid }>(
        'POST',
        `/api/workbook/${encodeURIComponent(activeTab)}/rows`,
        {
          rows,
        },
      );
      setTabs((t) => ({ ...t, [activeTab]: data.values }));
      return true;
    } catch (error) {
      showError('Rijen plakken mislukt', error);
      return false;
    }
  };

  const addRow = () => setExtraRows((x) => ({ ...x, [activeTab]: (x[activeTab] ?? 0) + 1 }));

  return {
    tabs,
    charts,
    activeTab,
    setActiveTab,
    extraRows,
    loadWorkbook,
    commitCell,
    pasteBlock,
    appendRows,
    addRow,
  };
}
