/**
 * The Newcomers tab of the sidebar.
 */
import type { SidebarState } from '../shared/api';
import type { Language } from '../shared/language';

export function Newcomers(_props: { state: SidebarState; language: Language; reload: () => Promise<void> }) {
  return <section data-testid="newcomers-tab" />;
}
