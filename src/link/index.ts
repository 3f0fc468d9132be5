import type { Lexicon } from "../lexicon/load.js";
import type { Output } from "../model/schema.js";
import { caseItems } from "./case-items.js";
import { followUpStatuses } from "./follow-up-status.js";
import { linkPersons } from "./person-registry.js";
import { addRecords, emptyRecords, type RunRecords } from "./records.js";
import type { LinkResult } from "./tables.js";

export { linkTables, forEachLinkRow, type LinkResult } from "./tables.js";
export { normaliseName } from "./normalise-name.js";

/** The run's records, gathered one output at a time (only the fields links are made of are kept). */
export function recordsOf(outputs: Iterable<Output>): RunRecords {
  const run = emptyRecords();
  for (const o of outputs) addRecords(run, o);
  return run;
}

/**
 * Links a whole run: persons across its meetings, each follow-up's report-back, the case history.
 * `asOf` (YYYY-MM-DD) is the day overdue and open are judged on.
 */
export function linkRecords(run: RunRecords, asOf: string, lex: Lexicon): LinkResult {
  const { persons, links } = linkPersons(run.mentions, lex);
  return { persons, links, statuses: followUpStatuses(run, asOf, lex), cases: caseItems(run.items), asOf };
}
