/** The toolbar: the Wegwijs menu, the user, the clock, the scopes, the triggers and the reset. */
import type { ComponentChildren } from 'preact';
import type { Menu } from './api.ts';
import { MenuBar } from './menu.tsx';

export function Toolbar(props: {
  menus: Menu[];
  onRun: (fn: string, caption: string) => void;
  children: ComponentChildren;
}) {
  return (
    <header class="toolbar">
      <strong class="brand">Wegwijs sandbox</strong>
      <MenuBar menus={props.menus} onRun={props.onRun} />
      {props.children}
    </header>
  );
}
