/**
 * The Wegwijs menu. Built in onOpen, which may run in AuthMode.NONE: nothing here may touch a
 * service other than the menu itself.
 */
import { type Language, translate } from '../app/texts/messages';

export function buildMenu(language: Language): void {
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(t('menu.openSidebar'), 'showSidebar')
    .addItem(t('menu.setup'), 'setupWorkbook')
    .addSeparator()
    .addItem(t('menu.automationOn'), 'enableAutomaticSending')
    .addItem(t('menu.automationOff'), 'disableAutomaticSending')
    .addSeparator()
    .addItem(t('menu.about'), 'showAbout')
    .addToUi();
}
