/** The Extensies › Wegwijs menu, as onOpen built it. */
import { useEffect, useState } from 'preact/hooks';
import type { Menu, MenuEntry } from './api.ts';

export function MenuBar(props: { menus: Menu[]; onRun: (fn: string, caption: string) => void }) {
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => {
    const close = () => setOpen(null);
    document.addEventListener('click', close);
    return () => document.removeEventListener('click', close);
  }, []);
  const renderItems = (items: MenuEntry[]): preact.JSX.Element[] =>
    items.map((item, i) => {
      if (item.kind === 'separator') return <li key={i} class="separator" />;
      if (item.kind === 'submenu') {
        return (
          <li key={i} class="submenu">
            <span>{item.menu.caption} ▸</span>
            <ul>{renderItems(item.menu.items)}</ul>
          </li>
        );
      }
      return (
        <li key={i}>
          <button
            type="button"
            role="menuitem"
            data-testid={`menu-item-${item.functionName}`}
            onClick={() => {
              setOpen(null);
              props.onRun(item.functionName, item.caption);
            }}
          >
            {item.caption}
          </button>
        </li>
      );
    });
  return (
    <nav class="menubar" aria-label="Menu">
      {props.menus.length === 0 ? <span class="muted">Geen menu (onOpen maakte er geen)</span> : null}
      {props.menus.map((menu) => {
        const key = `${menu.addon}-${menu.caption}`;
        return (
          <div class="menu" key={key}>
            <button
              type="button"
              data-testid={`menu-${menu.caption}`}
              aria-expanded={open === key}
              onClick={(e) => {
                e.stopPropagation();
                setOpen(open === key ? null : key);
              }}
            >
              {menu.addon ? `Extensies › ${menu.caption}` : menu.caption}
            </button>
            {open === key ? (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the click only keeps the menu open
              <ul class="dropdown" onClick={(e) => e.stopPropagation()}>
                {renderItems(menu.items)}
              </ul>
            ) : null}
          </div>
        );
      })}
    </nav>
  );
}
