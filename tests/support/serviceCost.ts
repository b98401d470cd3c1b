/**
 * A rough model of what Apps Script service calls cost on Google, to turn the fakes' call counter
 * into milliseconds. The figures are deliberately on the slow side of what others measured (a
 * sheet read is a round trip of tens to hundreds of ms; most other calls are a few ms); they are
 * estimates for a budget test, not a benchmark of Google.
 */
const PER_CALL_MS: readonly [RegExp, number][] = [
  [/^Range\.(getValues|getDisplayValues)$/, 60],
  [/^Range\.(setValues|setValue|setNumberFormats?|setDataValidations?)$/, 100],
  [/^Sheet\.(deleteRows?|insertRows?|appendRow)$/, 100],
  [/^SpreadsheetApp\.flush$/, 50],
  [/^(SpreadsheetApp|Spreadsheet|Sheet|Range)\./, 3],
  [/^MailApp\.sendEmail$/, 300],
  [/^MailApp\./, 20],
  [/^Properties\.(getProperties|setProperties)$/, 30],
  [/^Properties\./, 15],
  [/^Lock\./, 15],
  [/^ScriptApp\.(getUserTriggers|getProjectTriggers|newTrigger|deleteTrigger)$/, 50],
  [/^Utilities\.(formatDate|parseDate|getUuid)$/, 0.05],
  [/./, 2],
];

/** Estimated milliseconds of service calls for a `calls.snapshot()`. */
export function estimatedServiceMs(snapshot: Record<string, number>): number {
  let total = 0;
  for (const [key, n] of Object.entries(snapshot)) {
    const ms = PER_CALL_MS.find(([pattern]) => pattern.test(key))?.[1] ?? 2;
    total += ms * n;
  }
  return total;
}
