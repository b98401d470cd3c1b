/** Ui (menus, sidebars, dialogs, alerts, prompts) and HtmlService, recording what was shown. */
import type { FakeContext } from './core.ts';

/** One entry of a menu. */
export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; menu: MenuSpec };

/** A menu as added to the UI. `addon` marks `createAddonMenu` (shown under Extensions). */
export interface MenuSpec {
  caption: string;
  addon: boolean;
  items: MenuEntry[];
}

/** A sidebar or dialog as shown. */
export interface ShownHtml {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width: number;
  height: number;
}

/** An alert or prompt as shown, with the button the fake answered. */
export interface ShownAlert {
  kind: 'alert' | 'prompt';
  title: string;
  message: string;
  buttons: string;
  response: string;
  responseText?: string;
}

/** Everything the UI showed, for inspection. */
export class UiRecord {
  menus: MenuSpec[] = [];
  shown: ShownHtml[] = [];
  alerts: ShownAlert[] = [];
  alertResponses: string[] = [];
  promptResponses: { button: string; text: string }[] = [];
}

/** `Ui.ButtonSet` values. */
export const BUTTON_SET = Object.freeze({
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
});

/** `Ui.Button` values. */
export const BUTTON = Object.freeze({ OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' });

/** The button a dialog answers by default: its first one. */
function defaultButton(buttons: string): string {
  return buttons.startsWith('YES') ? 'YES' : 'OK';
}

/** The Menu fake; items are kept as plain data. */
export class FakeMenu {
  readonly spec: MenuSpec;
  constructor(
    private ctx: FakeContext,
    private record: UiRecord,
    caption: string,
    addon: boolean,
  ) {
    this.spec = { caption, addon, items: [] };
  }
  addItem(caption: string, functionName: string): this {
    this.spec.items.push({ kind: 'item', caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator(): this {
    this.spec.items.push({ kind: 'separator' });
    return this;
  }
  addSubMenu(menu: unknown): this {
    if (!(menu instanceof FakeMenu)) throw this.ctx.error('Invalid argument: menu');
    this.spec.items.push({ kind: 'submenu', menu: structuredClone(menu.spec) });
    return this;
  }
  /** Adding a menu with the same caption again replaces it, as reloading onOpen does. */
  addToUi(): void {
    const menus = this.record.menus.filter(
      (m) => !(m.caption === this.spec.caption && m.addon === this.spec.addon),
    );
    this.record.menus = [...menus, structuredClone(this.spec)];
  }
}

/** The Ui fake for the spreadsheet. */
export class FakeUi {
  readonly ButtonSet = BUTTON_SET;
  readonly Button = BUTTON;
  constructor(
    private ctx: FakeContext,
    private record: UiRecord,
    private addonName: string,
  ) {}
  createMenu(caption: string): FakeMenu {
    return this.ctx.wrap('Menu', new FakeMenu(this.ctx, this.record, String(caption), false));
  }
  createAddonMenu(): FakeMenu {
    return this.ctx.wrap('Menu', new FakeMenu(this.ctx, this.record, this.addonName, true));
  }
  private show(kind: ShownHtml['kind'], output: unknown, title?: string): void {
    if (!(output instanceof FakeHtmlOutput)) throw this.ctx.error('Invalid argument: userInterface');
    this.record.shown.push({
      kind,
      title: title ?? output.getTitle(),
      html: output.getContent(),
      // A sidebar is always 300 px wide on Google, whatever setWidth said.
      width: kind === 'sidebar' ? 300 : output.getWidth(),
      height: output.getHeight(),
    });
  }
  showSidebar(userInterface: unknown): void {
    this.show('sidebar', userInterface);
  }
  showModalDialog(userInterface: unknown, title: string): void {
    this.show('modal', userInterface, String(title));
  }
  showModelessDialog(userInterface: unknown, title: string): void {
    this.show('modeless', userInterface, String(title));
  }
  /** alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons). */
  alert(a: string, b?: string, c?: string): string {
    const threeArgs = c !== undefined;
    const title = threeArgs ? String(a) : '';
    const message = threeArgs ? String(b) : String(a);
    const buttons = (threeArgs ? c : b) ?? 'OK';
    const response = this.record.alertResponses.shift() ?? defaultButton(buttons);
    this.record.alerts.push({ kind: 'alert', title, message, buttons, response });
    return response;
  }
  /** prompt(prompt), prompt(prompt, buttons), prompt(title, prompt, buttons). */
  prompt(a: string, b?: string, c?: string): { getResponseText(): string; getSelectedButton(): string } {
    const threeArgs = c !== undefined;
    const title = threeArgs ? String(a) : '';
    const message = threeArgs ? String(b) : String(a);
    const buttons = (threeArgs ? c : b) ?? 'OK';
    const next = this.record.promptResponses.shift() ?? { button: defaultButton(buttons), text: '' };
    this.record.alerts.push({
      kind: 'prompt',
      title,
      message,
      buttons,
      response: next.button,
      responseText: next.text,
    });
    return this.ctx.wrap('PromptResponse', {
      getResponseText: () => next.text,
      getSelectedButton: () => next.button,
    });
  }
}

/** `HtmlService.SandboxMode` values (only IFRAME is left on Google). */
export const SANDBOX_MODE = Object.freeze({ EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' });
/** `HtmlService.XFrameOptionsMode` values. */
export const XFRAME_OPTIONS_MODE = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' });

/** Escapes text for HTML as appendUntrusted does. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The HtmlOutput fake. */
export class FakeHtmlOutput {
  private title = '';
  private width = 0;
  private height = 0;
  sandboxMode = 'IFRAME';
  xFrameOptionsMode = 'DEFAULT';
  faviconUrl: string | null = null;
  readonly metaTags: { name: string; content: string }[] = [];
  constructor(
    private content: string,
    private toBlob: (html: string, name: string) => unknown,
  ) {}
  getContent(): string {
    return this.content;
  }
  setContent(content: string): this {
    this.content = String(content);
    return this;
  }
  append(addedContent: string): this {
    this.content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): this {
    this.content += escapeHtml(String(addedContent));
    return this;
  }
  clear(): this {
    this.content = '';
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): this {
    this.title = String(title);
    return this;
  }
  getWidth(): number {
    return this.width;
  }
  setWidth(width: number): this {
    this.width = Number(width);
    return this;
  }
  getHeight(): number {
    return this.height;
  }
  setHeight(height: number): this {
    this.height = Number(height);
    return this;
  }
  setSandboxMode(mode: string): this {
    this.sandboxMode = String(mode);
    return this;
  }
  setXFrameOptionsMode(mode: string): this {
    this.xFrameOptionsMode = String(mode);
    return this;
  }
  addMetaTag(name: string, content: string): this {
    this.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }
  setFaviconUrl(iconUrl: string): this {
    this.faviconUrl = String(iconUrl);
    return this;
  }
  getFaviconUrl(): string | null {
    return this.faviconUrl;
  }
  getBlob(): unknown {
    return this.toBlob(this.content, this.title || 'untitled');
  }
  getAs(contentType: string): unknown {
    const blob = this.getBlob() as { getAs(type: string): unknown };
    return blob.getAs(contentType);
  }
}

/** The HtmlService fake; files come from `FakeOptions.htmlFiles` (name → content). */
export class FakeHtmlService {
  readonly SandboxMode = SANDBOX_MODE;
  readonly XFrameOptionsMode = XFRAME_OPTIONS_MODE;
  constructor(
    private ctx: FakeContext,
    private files: Record<string, string>,
    private toBlob: (html: string, name: string) => unknown,
  ) {}
  createHtmlOutput(html?: string): FakeHtmlOutput {
    return this.ctx.wrap(
      'HtmlOutput',
      new FakeHtmlOutput(html === undefined ? '' : String(html), this.toBlob),
    );
  }
  /** Google accepts the name with or without `.html`. */
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    const name = String(filename).replace(/\.html$/, '');
    const content = this.files[name] ?? this.files[`${name}.html`];
    if (content === undefined) throw this.ctx.error(`No HTML file named ${filename} was found.`);
    return this.createHtmlOutput(content);
  }
}
