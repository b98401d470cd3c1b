/**
 * Embedded charts of a tab, drawn under the grid as Sheets shows them below the data: a simple
 * SVG column chart (or horizontal bars for a bar chart) of what the chart builder recorded. The
 * first range gives the categories, every further range one series; the first row of each range is
 * its header. Other chart types are drawn the same way: the page shows what was recorded, not how
 * Google would style it.
 */

type Cell = string | number | boolean | null;

/** As `GET /api/workbook` gives it (see `ChartSpec` in the fakes). */
export interface SheetChart {
  chartId: number;
  type: string;
  ranges: string[];
  data: Cell[][][];
  position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

const COLOURS = ['#1a73e8', '#d93025', '#f9ab00', '#188038', '#9334e6'];
const WIDTH = 520;
const HEIGHT = 240;
const PAD = { top: 28, right: 12, bottom: 44, left: 36 };

function label(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell);
}

function columnOf(range: Cell[][]): Cell[] {
  return range.map((row) => row[0] ?? null);
}

function Chart(props: { chart: SheetChart }) {
  const { chart } = props;
  const [domain = [], ...seriesRanges] = chart.data.map(columnOf);
  const categories = domain.slice(1).map(label);
  const series = seriesRanges.map((column, i) => ({
    name: label(column[0]) || `Reeks ${i + 1}`,
    colour: COLOURS[i % COLOURS.length]!,
    values: categories.map((_, c) => {
      const v = column[c + 1];
      return typeof v === 'number' && Number.isFinite(v) ? v : 0;
    }),
  }));
  const title = label(chart.options.title as Cell) || `Grafiek ${chart.chartId}`;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const group = categories.length ? plotW / categories.length : plotW;
  const barW = Math.max(4, Math.min(28, (group - 12) / Math.max(1, series.length)));
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const ticks = Array.from(new Set([0, Math.round(max / 2), max]));
  return (
    <figure
      class="sheet-chart"
      data-testid="sheet-chart"
      data-type={chart.type}
      data-title={title}
      data-ranges={chart.ranges.join(',')}
    >
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={`${title} (${chart.type.toLowerCase()})`}
      >
        <text x={WIDTH / 2} y={16} text-anchor="middle" class="chart-title">
          {title}
        </text>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} class="chart-grid" />
            <text x={PAD.left - 4} y={y(t) + 4} text-anchor="end" class="chart-tick">
              {t}
            </text>
          </g>
        ))}
        {categories.map((category, c) => {
          const x0 = PAD.left + c * group + (group - barW * series.length) / 2;
          return (
            <g key={category || c}>
              {series.map((s, i) => (
                <rect
                  key={s.name}
                  data-testid="chart-bar"
                  data-category={category}
                  data-series={s.name}
                  data-value={s.values[c]}
                  x={x0 + i * barW}
                  y={y(s.values[c]!)}
                  width={barW - 2}
                  height={Math.max(0, PAD.top + plotH - y(s.values[c]!))}
                  fill={s.colour}
                >
                  <title>{`${category} · ${s.name}: ${s.values[c]}`}</title>
                </rect>
              ))}
              <text x={PAD.left + c * group + group / 2} y={HEIGHT - PAD.bottom + 14} text-anchor="middle">
                {category}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="chart-legend">
        {series.map((s) => (
          <span key={s.name}>
            <i style={{ background: s.colour }} /> {s.name}
          </span>
        ))}
        <span class="muted">{chart.ranges.join(', ')}</span>
      </figcaption>
    </figure>
  );
}

/** The charts of the tab on screen, in the order they were inserted; nothing when there are none. */
export function SheetCharts(props: { charts: readonly SheetChart[] }) {
  if (!props.charts.length) return null;
  return (
    <div class="sheet-charts" data-testid="sheet-charts">
      {props.charts.map((chart) => (
        <Chart key={chart.chartId} chart={chart} />
      ))}
    </div>
  );
}
