/** "Demo terugzetten", asked once more before everything goes back to the demo data. */
import { useState } from 'preact/hooks';

export function ResetButton(props: { onReset: () => void }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <button type="button" data-testid="reset" onClick={() => setConfirming(true)}>
        Demo terugzetten
      </button>
    );
  return (
    <span class="confirm">
      Alles terug naar de demogegevens?{' '}
      <button
        type="button"
        data-testid="reset-yes"
        onClick={() => {
          setConfirming(false);
          props.onReset();
        }}
      >
        Ja
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        Nee
      </button>
    </span>
  );
}
