/**
 * The Privacy tab of the sidebar.
 */
import type { SidebarState } from '../shared/api';
import type { Language } from '../shared/language';

export function Privacy(_props: { state: SidebarState; language: Language }) {
  return <section data-testid="privacy-tab" />;
}
