/**
 * A newcomer's Inwerkschema. A chef buddy or the school leader sees the saved schedule with lines to
 * tick off, and "Maak inwerkschema" / "Werk schema bij" as a week-by-week preview that writes
 * nothing until "Opslaan". Everyone who follows the newcomer can download the schedule as .ics.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CheckInsDto, ScheduleItemDto, SchedulePreviewDto } from '../shared/api';
import { useAction } from './action';
import { dayLabel, LoadState, Said, type Tx, useLoad } from './newcomer-parts';
import { call } from './rpc';

const keyOf = (i: Pick<ScheduleItemDto, 'date' | 'activity'>) => `${i.date}|${i.activity}`;

function weeksOf(items: readonly ScheduleItemDto[]): { week: number; items: ScheduleItemDto[] }[] {
  const weeks = [...new Set(items.map((i) => i.week))].sort((a, b) => a - b);
  return weeks.map((week) => ({
    week,
    items: items.filter((i) => i.week === week).sort((a, b) => a.date.localeCompare(b.date)),
  }));
}

/** The lines as saved in the sheet: unchanged or kept lines, and lines an update would remove. */
function savedLines(data: SchedulePreviewDto): ScheduleItemDto[] {
  const kept = data.weeks.flatMap((w) => w.items).filter((i) => i.status === 'same' || i.status === 'kept');
  return [...kept, ...data.removed];
}

function pendingChanges(data: SchedulePreviewDto): number {
  return data.changes.added + data.changes.changed + data.changes.removed;
}

/** One line's text: day, activity, with whom, and why it moved. */
function LineText({ item, tx }: { item: ScheduleItemDto; tx: Tx }) {
  return (
    <span class="sched-text">
      <span class="sched-day">{dayLabel(tx, item.date)}</span> <span>{item.activity}</span>
      {item.with && <span class="small"> {tx('schedule.with', { name: item.with })}</span>}
      {item.moved && <span class="small"> ({item.moved})</span>}
    </span>
  );
}

const MARK: Partial<
  Record<
    ScheduleItemDto['status'],
    'schedule.status.new' | 'schedule.status.changed' | 'schedule.status.removed' | 'schedule.status.kept'
  >
> = {
  new: 'schedule.status.new',
  changed: 'schedule.status.changed',
  removed: 'schedule.status.removed',
  kept: 'schedule.status.kept',
};

/** The preview of "Maak inwerkschema" / "Werk schema bij", with Opslaan and Annuleren. */
function Preview(props: {
  data: SchedulePreviewDto;
  tx: Tx;
  busy: boolean;
  onSave: () => void;
  onCancel: () => void;
}) {
  const { data, tx } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const removed = data.removed.map((i) => ({ ...i, status: 'removed' as const }));
  return (
    <div class="panel" data-testid="schedule-preview" data-exists={String(data.exists)}>
      <h4 tabIndex={-1} ref={heading}>
        {tx(data.exists ? 'schedule.update' : 'schedule.make')}
      </h4>
      {data.warnings.map((w) => (
        <div class="warning" key={w}>
          {w}
        </div>
      ))}
      {data.exists && (
        <p class="small" data-testid="schedule-changes">
          {tx('schedule.changes', { ...data.changes })}
        </p>
      )}
      {weeksOf([...data.weeks.flatMap((w) => w.items), ...removed]).map((w) => (
        <div key={w.week} data-testid="schedule-week" data-week={w.week}>
          <h5>{tx('schedule.week', { n: w.week })}</h5>
          <ul class="plain sched">
            {w.items.map((item, i) => {
              const mark = MARK[item.status];
              return (
                <li
                  key={`${keyOf(item)}|${i}`}
                  class={`sched-item ${item.status}`}
                  data-testid="schedule-item"
                  data-date={item.date}
                  data-status={item.status}
                  data-done={String(item.done)}
                >
                  <LineText item={item} tx={tx} />
                  {mark && <span class={`chip st-${item.status}`}>{tx(mark)}</span>}
                  {item.done && <span class="chip st-done">{tx('schedule.done')}</span>}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <div class="actions">
        <button
          type="button"
          class="primary"
          data-testid="save-schedule"
          disabled={props.busy}
          onClick={props.onSave}
        >
          {props.busy ? tx('pairing.busy') : tx('schedule.save')}
        </button>
        <button type="button" data-testid="cancel-schedule" disabled={props.busy} onClick={props.onCancel}>
          {tx('pairing.cancel')}
        </button>
      </div>
    </div>
  );
}

/** The saved lines, week by week, each with a checkbox; ticking is shown at once and undone on error. */
function Saved(props: { email: string; data: SchedulePreviewDto; tx: Tx; onChanged: () => void }) {
  const { data, tx } = props;
  const [overrides, setOverrides] = useState<Record<string, boolean>>({});
  const [busy, setBusy] = useState<Record<string, boolean>>({});
  const [said, setSaid] = useState<{ message?: string; error?: string }>({});
  const toggle = (item: ScheduleItemDto, done: boolean) => {
    const key = keyOf(item);
    if (busy[key]) return;
    setOverrides((o) => ({ ...o, [key]: done }));
    setBusy((b) => ({ ...b, [key]: true }));
    setSaid({});
    call('markScheduleItem', props.email, item.date, item.activity, done)
      .then(
        (result) => {
          setSaid({ message: result.message });
          props.onChanged();
        },
        (e: Error) => {
          setOverrides((o) => ({ ...o, [key]: !done }));
          setSaid({ error: e.message });
        },
      )
      .finally(() => setBusy((b) => ({ ...b, [key]: false })));
  };
  const pending = pendingChanges(data);
  return (
    <div data-testid="schedule-saved">
      {pending > 0 && (
        <p class="warning small" data-testid="schedule-pending">
          {tx('schedule.pending')}
        </p>
      )}
      {weeksOf(savedLines(data)).map((w) => (
        <div key={w.week} data-testid="schedule-week" data-week={w.week}>
          <h5>{tx('schedule.week', { n: w.week })}</h5>
          <ul class="plain sched">
            {w.items.map((item, i) => {
              const key = keyOf(item);
              const done = overrides[key] ?? item.done;
              return (
                <li
                  key={`${key}|${i}`}
                  class={done ? 'sched-item done' : 'sched-item'}
                  data-testid="schedule-item"
                  data-date={item.date}
                  data-activity={item.activity}
                  data-done={String(done)}
                >
                  <label class="check top">
                    <input
                      type="checkbox"
                      data-testid="schedule-check"
                      checked={done}
                      disabled={busy[key]}
                      aria-busy={busy[key]}
                      onChange={(e) => toggle(item, e.currentTarget.checked)}
                    />
                    <LineText item={item} tx={tx} />
                  </label>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <Said id="mark" message={said.message} error={said.error} />
    </div>
  );
}

/** "Download .ics": fetches the file, then offers it as a link to a blob (a download needs a click). */
function IcsDownload({ email, tx }: { email: string; tx: Tx }) {
  const fetchIcs = useAction();
  const [file, setFile] = useState<{ url: string; name: string } | null>(null);
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => () => file && URL.revokeObjectURL(file.url), [file]);
  useEffect(() => {
    if (file) link.current?.focus();
  }, [file]);
  return (
    <div class="actions">
      <button
        type="button"
        data-testid="download-ics"
        disabled={fetchIcs.busy}
        onClick={() =>
          fetchIcs.run(async () => {
            const ics = await call('scheduleIcs', email);
            const url = URL.createObjectURL(new Blob([ics.content], { type: ics.mimeType }));
            setFile({ url, name: ics.filename });
          })
        }
      >
        {fetchIcs.busy ? tx('pairing.busy') : tx('schedule.ics')}
      </button>
      {/* Apps Script serves the sidebar in a sandboxed frame: a blob link with download and a new target is what works there. */}
      {file && (
        <a
          ref={link}
          href={file.url}
          download={file.name}
          target="_blank"
          rel="noopener"
          data-testid="ics-link"
        >
          {tx('schedule.icsSave', { name: file.name })}
        </a>
      )}
      <Said id="ics" error={fetchIcs.error} />
    </div>
  );
}

/** For a chef buddy or the school leader: saved schedule, make / update with preview, download. */
function ManagedSchedule(props: { email: string; tx: Tx; onChanged: () => void }) {
  const { email, tx } = props;
  const { loaded, reload } = useLoad(() => call('previewSchedule', email), email);
  const [preview, setPreview] = useState<SchedulePreviewDto | null>(null);
  const [message, setMessage] = useState<{ text: string; details: string[] } | null>(null);
  // The saved view remounts after each save, so its ticks start from the sheet again.
  const [generation, setGeneration] = useState(0);
  const open = useAction();
  const save = useAction();

  const startPreview = () => {
    setMessage(null);
    open.run(async () => setPreview(await call('previewSchedule', email)));
  };
  const onSave = () =>
    save.run(async () => {
      const result = await call('saveSchedule', email);
      await reload();
      setPreview(null);
      setGeneration((g) => g + 1);
      setMessage({ text: result.message, details: result.warnings });
      props.onChanged();
    });

  if (loaded.kind !== 'ready') return <LoadState loaded={loaded} tx={tx} retry={reload} id="schedule" />;
  const data = loaded.data;
  return (
    <div>
      <Said
        id="schedule"
        message={message?.text}
        details={message?.details}
        error={open.error || save.error}
      />
      {preview ? (
        <Preview
          data={preview}
          tx={tx}
          busy={save.busy}
          onSave={onSave}
          onCancel={() => {
            setPreview(null);
            save.clear();
          }}
        />
      ) : (
        <>
          {data.exists ? (
            <Saved key={generation} email={email} data={data} tx={tx} onChanged={props.onChanged} />
          ) : (
            <p class="muted" data-testid="no-schedule">
              {tx('schedule.noSchedule')}
            </p>
          )}
          <div class="actions">
            <button
              type="button"
              class={data.exists ? '' : 'primary'}
              data-testid={data.exists ? 'update-schedule' : 'make-schedule'}
              disabled={open.busy}
              onClick={startPreview}
            >
              {open.busy ? tx('shell.loading') : tx(data.exists ? 'schedule.update' : 'schedule.make')}
            </button>
          </div>
          {data.exists && <IcsDownload email={email} tx={tx} />}
        </>
      )}
    </div>
  );
}

/** For a buddy: the saved lines to tick off (the chef buddy makes them), and the download. */
function FollowedSchedule(props: { email: string; tx: Tx; onChanged: () => void }) {
  const { email, tx } = props;
  const { loaded, reload } = useLoad(() => call('getSchedule', email), email);
  if (loaded.kind !== 'ready') return <LoadState loaded={loaded} tx={tx} retry={reload} id="schedule" />;
  return loaded.data.exists ? (
    <div>
      <Saved email={email} data={loaded.data} tx={tx} onChanged={props.onChanged} />
      <IcsDownload email={email} tx={tx} />
    </div>
  ) : (
    <p class="small" data-testid="no-schedule">
      {tx('schedule.onlyManagers')}
    </p>
  );
}

export function ScheduleSection(props: {
  email: string;
  manager: boolean;
  checkIns: CheckInsDto | null;
  tx: Tx;
  onChanged: () => void;
}) {
  return props.manager ? (
    <ManagedSchedule email={props.email} tx={props.tx} onChanged={props.onChanged} />
  ) : (
    <FollowedSchedule email={props.email} tx={props.tx} onChanged={props.onChanged} />
  );
}
