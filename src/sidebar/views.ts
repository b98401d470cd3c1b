/**
 * The sidebar's views loaded on demand: rarely opened, so Sidebar.html stays small. The build
 * bundles this file on its own into SidebarViews(En).html, taking what it shares with the page
 * (Preact, texts, kit, …) from the page (scripts/build.ts, `sidebarScripts`); `getSidebarViews`
 * returns it and `lazy.tsx` runs it once, the first time one of these views is shown.
 */
import { CheckInsSection } from './newcomer-checkins';
import { ScheduleSection } from './newcomer-schedule';
import { Overview } from './overview';
import { Pilot } from './pilot';
import { Privacy } from './privacy';
import { Proposal } from './proposal';
import { Suggestions } from './suggestions';

export const VIEWS = { CheckInsSection, ScheduleSection, Overview, Pilot, Privacy, Proposal, Suggestions };
export type Views = typeof VIEWS;

(globalThis as { __wegwijsViews?: Views }).__wegwijsViews = VIEWS;
