/**
 * The sandbox page: the workbook as an editable grid, the Wegwijs menu as onOpen built it, the
 * sidebar (the built Sidebar.html in an iframe), a user switcher, the clock, the trigger button and
 * the outbox. Everything the user reads here is Dutch. The page itself is `app.tsx`.
 */
import { render } from 'preact';
import { App } from './app.tsx';

render(<App />, document.getElementById('app') as HTMLElement);
