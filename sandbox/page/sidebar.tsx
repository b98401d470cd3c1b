/** The add-on's sidebar: the built Sidebar.html in a frame while open, else a button to open it. */
import type { Ref } from 'preact';

export function SidebarPane(props: {
  sidebar: { index: number; title: string } | null;
  reloadKey: number;
  frame: Ref<HTMLIFrameElement>;
  onClose: () => void;
  onOpen: () => void;
}) {
  const { sidebar } = props;
  return (
    <aside class="sidebar" aria-label="Zijbalk">
      {sidebar ? (
        <>
          <div class="sidebar-title">
            <span>{sidebar.title || 'Wegwijs'}</span>
            <button type="button" aria-label="Zijbalk sluiten" onClick={props.onClose}>
              ×
            </button>
          </div>
          <iframe
            key={props.reloadKey}
            ref={props.frame}
            data-testid="sidebar-frame"
            title={sidebar.title || 'Wegwijs'}
            src={`/ui/sidebar/${sidebar.index}`}
            sandbox="allow-scripts allow-forms allow-popups allow-modals allow-downloads"
          />
        </>
      ) : (
        <div class="sidebar-closed">
          <p class="muted">De zijbalk is dicht.</p>
          <button type="button" data-testid="open-sidebar" onClick={props.onOpen}>
            Zijbalk openen
          </button>
        </div>
      )}
    </aside>
  );
}
