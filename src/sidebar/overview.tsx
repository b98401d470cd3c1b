/**
 * The Overview tab of the sidebar.
 */
import type { SidebarState } from '../shared/api';
import type { Language } from '../shared/language';

export function Overview(_props: { state: SidebarState; language: Language }) {
  return <section data-testid="overview-tab" />;
}
