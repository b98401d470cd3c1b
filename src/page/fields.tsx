/** Form parts the page's two check-in forms share: the klik and wellbeing choices. */

/** The klik choices, as the server accepts them. */
export const CLICKS = ['goed', 'twijfel', 'niet'] as const;
/** Wellbeing on its 1–5 scale. */
export const WELLBEING = ['1', '2', '3', '4', '5'] as const;

/** A labelled choice with an empty first option ("—"). */
export function Choice({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly string[];
  onChange: (value: string) => void;
}) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">—</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}
