/** The "Rijen plakken…" form: open or not, and the text typed so far (kept when cancelled). */
import { useState } from 'preact/hooks';
import { parseTsv } from './api.ts';

export function usePasteRows(append: (rows: string[][]) => Promise<boolean>) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const submit = async () => {
    if (!(await append(parseTsv(text)))) return;
    setOpen(false);
    setText('');
  };
  return { open, text, setText, show: () => setOpen(true), cancel: () => setOpen(false), submit };
}
