/** Today on the sandbox's clock, with buttons to move it a day, a week or to a chosen date. */
import { useState } from 'preact/hooks';
import { type Clock, formatDutchDay } from './api.ts';

export function ClockControls(props: {
  clock: Clock | null;
  onMove: (body: { days: number } | { date: string }) => void;
}) {
  const { clock, onMove } = props;
  const [pickDate, setPickDate] = useState('');
  return (
    <>
      <span class="clock" data-testid="today" title={clock?.now}>
        Vandaag: {clock ? formatDutchDay(clock.today) : '…'} {clock ? clock.now.slice(11, 16) : ''}
      </span>
      <button type="button" data-testid="clock-day" onClick={() => onMove({ days: 1 })}>
        +1 dag
      </button>
      <button type="button" data-testid="clock-week" onClick={() => onMove({ days: 7 })}>
        +1 week
      </button>
      <input
        type="date"
        aria-label="Datum kiezen"
        data-testid="clock-date"
        value={pickDate}
        onInput={(e) => setPickDate((e.target as HTMLInputElement).value)}
      />
      <button type="button" disabled={!pickDate} onClick={() => onMove({ date: pickDate })}>
        Naar datum
      </button>
    </>
  );
}
