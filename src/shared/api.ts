/**
 * The sidebar contract: every server function the sidebar may call, with JSON-safe arguments and
 * results (no Date: days are `YYYY-MM-DD`, moments ISO-8601 with offset). The server entry
 * `satisfies` this interface, and the sidebar's client is typed from it.
 */
import type { Language } from './i18n';

export type RoleDto = 'schoolleider' | 'chefbuddy' | 'buddy' | 'medewerker' | 'onbekend';

export interface UserDto {
  email: string;
  /** From the Medewerkers tab; '' when not listed there. */
  name: string;
  role: RoleDto;
  locations: string[];
}

export interface SidebarState {
  language: Language;
  version: string;
  user: UserDto;
  /** For known users: every location of the school (names only). */
  locations: string[];
  today: string;
  /** Things that need attention, already translated (never personal data of others). */
  warnings: string[];
  /** For an unknown user: what to do; no data is sent. */
  message: string;
}

export interface AboutCheck {
  label: string;
  value: string;
  ok: boolean;
}

export interface AboutInfo {
  version: string;
  checks: AboutCheck[];
}

export interface AutomationStatus {
  on: boolean;
  /** Translated explanation for the sidebar. */
  text: string;
}

/** Functions the sidebar calls through google.script.run. */
export interface SidebarApi {
  getSidebarState(): SidebarState;
  getAboutInfo(): AboutInfo;
  getAutomationStatus(): AutomationStatus;
}
