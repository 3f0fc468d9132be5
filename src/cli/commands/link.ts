import { mkdirSync } from "node:fs";
import { loadLexicon } from "../../lexicon/load.js";
import type { CsvDialect } from "../../export/csv.js";
import type { DocumentEntry } from "../../export/tables.js";
import { statusOf } from "../../review/entry.js";
import { linkRecords, recordsOf } from "../../link/index.js";
import { writeLinkCsv, writeLinkPages, writeLinkSqlite } from "../../link/write.js";
import { OutputError, UsageError } from "../batch/run.js";
import type { Io } from "../io.js";
import { outputsOfRun } from "./runs.js";

export interface LinkOptions {
  out?: string;
  format: "csv" | "sqlite";
  csvDialect: CsvDialect;
  /** "Today" for overdue and open (YYYY-MM-DD); the run date when not given. */
  asOf?: string;
  quiet?: boolean;
  /** Also write persons.html and cases.html for a reviewer. */
  review?: boolean;
}

const today = () => new Date().toISOString().slice(0, 10);

export function checkAsOf(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new UsageError(`--as-of takes a day YYYY-MM-DD, not ${v}`);
  return v;
}

function* documentsOf(dir: string): Generator<DocumentEntry> {
  for (const { output } of outputsOfRun(dir, "link")) {
    yield { path: output.source.path, sha256: output.source.sha256, status: statusOf(output), code: null, message: null, output, warnings: [] };
  }
}

/** `protokoll link DIR`: persons, follow-up statuses and case histories across a parse --out run. */
export function runLink(dir: string, opts: LinkOptions, io: Io): number {
  const t0 = performance.now();
  const lex = loadLexicon();
  const asOf = checkAsOf(opts.asOf ?? today());
  // Read twice (records now, whole documents for SQLite later), so no run is ever held whole in memory.
  const run = recordsOf((function* () {
    for (const { output } of outputsOfRun(dir, "link")) yield output;
  })());
  if (!run.meetings.length) {
    io.stderr.write(`protokoll: no parse output with meetings in ${dir}\n`);
    return 1;
  }
  const result = linkRecords(run, asOf, lex);
  const out = opts.out ?? dir;
  let written: string[];
  try {
    mkdirSync(out, { recursive: true });
    written = opts.format === "sqlite" ? writeLinkSqlite(out, documentsOf(dir), result) : writeLinkCsv(out, result, opts.csvDialect);
    if (opts.review) written.push(...writeLinkPages(out, result));
  } catch (e) {
    throw new OutputError(`cannot write the link tables to ${out}: ${(e as Error).message}`);
  }
  if (!opts.quiet) io.stderr.write(summary(result, written, out, performance.now() - t0));
  return 0;
}

function summary(r: ReturnType<typeof linkRecords>, written: string[], out: string, ms: number): string {
  const count = <T>(xs: T[], f: (x: T) => string) => [...xs.reduce((m, x) => m.set(f(x), (m.get(f(x)) ?? 0) + 1), new Map<string, number>())].map(([k, n]) => `${n} ${k}`).join(", ");
  return [
    `protokoll: ${r.persons.length} persons from ${r.links.length} participant entries (${count(r.links, (l) => l.status)})`,
    `protokoll: ${r.statuses.length} follow-ups (${count(r.statuses, (s) => s.status) || "none"}) as of ${r.asOf}; ${new Set(r.cases.map((c) => c.caseId)).size} cases over ${r.cases.length} items`,
    `protokoll: wrote ${written.join(", ")} to ${out} in ${(ms / 1000).toFixed(1)} s`,
    "",
  ].join("\n");
}
