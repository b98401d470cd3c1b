/**
 * The small inline charts of the sidebar and Mijn Wegwijs: an SVG image whose label says in words
 * what it shows (the values too), and points spread evenly over its width.
 */
import type { ComponentChildren } from 'preact';

/** An SVG image `width` × `height`; `data` become `data-*` attributes (tests read the values). */
export function MiniChart(props: {
  width: number;
  height: number;
  label: string;
  testId: string;
  data?: Readonly<Record<string, string>>;
  children: ComponentChildren;
}) {
  const { width, height } = props;
  const data = Object.fromEntries(Object.entries(props.data ?? {}).map(([k, v]) => [`data-${k}`, v]));
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={props.label}
      data-testid={props.testId}
      {...data}
    >
      {props.children}
    </svg>
  );
}

/** The x of point `i` of `n`, spread over `width` with `pad` on each side; a single point in the middle. */
export function spreadX(i: number, n: number, width: number, pad: number): number {
  return n === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (n - 1);
}
