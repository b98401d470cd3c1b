/**
 * When automatic mail to people may go out: on school working days, within the sending window of
 * Instellingen (default 07:00–18:00). What falls outside waits for the next window.
 */

/** Why the window is closed now, or null when it is open. */
export type SendWindowClosed = 'beforeHours' | 'afterHours' | 'dayOff' | null;

/**
 * @param now ISO-8601 with the sheet's offset (`YYYY-MM-DDTHH:mm…`): the wall clock of the school.
 * @param window minutes after midnight, `from` inclusive, `to` exclusive.
 * @param isWorkingDay asked only when the hour is inside the window (it may read a tab).
 */
export function sendWindowClosed(
  now: string,
  window: { from: number; to: number },
  isWorkingDay: (date: string) => boolean,
): SendWindowClosed {
  const minutes = Number(now.slice(11, 13)) * 60 + Number(now.slice(14, 16));
  if (minutes < window.from) return 'beforeHours';
  if (minutes >= window.to) return 'afterHours';
  return isWorkingDay(now.slice(0, 10)) ? null : 'dayOff';
}

/** "07:00–18:00" for messages. */
export function formatWindow(window: { from: number; to: number }): string {
  const hhmm = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `${hhmm(window.from)}–${hhmm(window.to)}`;
}
