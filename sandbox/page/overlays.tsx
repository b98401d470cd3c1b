/** The page's overlays: pasting rows, a dialog the script showed, and an alert it showed. */
import type { Ref } from 'preact';
import type { Alert, Dialog } from './api.ts';

export function PasteRowsModal(props: {
  tab: string;
  text: string;
  onText: (text: string) => void;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  return (
    <div class="overlay">
      <div class="modal" role="dialog" aria-label="Rijen plakken">
        <h2>Rijen plakken in “{props.tab}”</h2>
        <p>Plak rijen uit een spreadsheet (kolommen gescheiden door tabs). Ze komen onder de laatste rij.</p>
        <textarea
          data-testid="paste-text"
          rows={10}
          value={props.text}
          onInput={(e) => props.onText((e.target as HTMLTextAreaElement).value)}
        />
        <div class="buttons">
          <button
            type="button"
            data-testid="paste-submit"
            disabled={!props.text.trim()}
            onClick={props.onSubmit}
          >
            Toevoegen
          </button>
          <button type="button" onClick={props.onCancel}>
            Annuleren
          </button>
        </div>
      </div>
    </div>
  );
}

/** A modal dialog of the script (showModalDialog): its HTML in a frame of the asked size. */
export function ScriptDialog(props: { dialog: Dialog; frame: Ref<HTMLIFrameElement>; onClose: () => void }) {
  const { dialog } = props;
  return (
    <div class="overlay">
      <div
        class="modal dialog"
        role="dialog"
        aria-label={dialog.title}
        style={{ width: `${dialog.width + 32}px` }}
      >
        <div class="dialog-title">
          <h2>{dialog.title}</h2>
          <button type="button" aria-label="Sluiten" onClick={props.onClose}>
            ×
          </button>
        </div>
        <iframe
          ref={props.frame}
          data-testid="dialog-frame"
          title={dialog.title}
          src={`/ui/dialog/${dialog.index}`}
          sandbox="allow-scripts allow-forms allow-popups allow-modals allow-downloads"
          style={{ width: `${dialog.width}px`, height: `${dialog.height}px` }}
        />
      </div>
    </div>
  );
}

/** An alert of the script (Ui.alert), with the answer the sandbox gave it. */
export function ScriptAlert(props: { alert: Alert; onOk: () => void }) {
  const { alert } = props;
  return (
    <div class="overlay">
      <div class="modal" role="alertdialog" data-testid="alert" aria-label={alert.title || 'Melding'}>
        {alert.title ? <h2>{alert.title}</h2> : null}
        <p class="alert-message">{alert.message}</p>
        <p class="muted">Het script kreeg als antwoord: {alert.response}.</p>
        <div class="buttons">
          <button type="button" data-testid="alert-ok" onClick={props.onOk}>
            OK
          </button>
        </div>
      </div>
    </div>
  );
}
