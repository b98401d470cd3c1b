/** The mails the sandbox sent, as its outbox lists them. */
import { useCallback, useState } from 'preact/hooks';
import { api, type Mail } from './api.ts';

export function useOutbox() {
  const [mails, setMails] = useState<Mail[]>([]);
  const loadOutbox = useCallback(async () => setMails(await api<Mail[]>('GET', '/api/outbox')), []);
  return { mails, loadOutbox };
}
