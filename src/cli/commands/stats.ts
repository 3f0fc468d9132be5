import { existsSync, statSync } from "node:fs";
import { loadLexicon, type Lexicon } from "../../lexicon/load.js";
import { UsageError } from "../batch/run.js";
import type { FileEntry } from "../../review/entry.js";
import { formatStats, runStats } from "../../review/stats.js";
import type { Io } from "../io.js";
import { failedFromReport, filesOfInputs, filesOfRun } from "./runs.js";

export interface StatsOptions {
  json?: boolean;
  report?: string;
}

/** A folder holding parse outputs (JSON or NDJSON files), rather than inputs to parse. */
function isRunFolder(p: string, lex: Lexicon): boolean {
  if (!existsSync(p) || !statSync(p).isDirectory()) return false;
  for (const _ of filesOfRun(p, lex)) return true;
  return false;
}

/** `protokoll stats`: a run's summary (status, kinds, bodies and years, coverage, warnings, flags). */
export async function runStatsCommand(args: string[], opts: StatsOptions, io: Io): Promise<number> {
  if (!args.length) throw new UsageError("give a parse --out folder, or inputs to parse now");
  const lex = loadLexicon();
  const entries: FileEntry[] = [];
  if (args.length === 1 && isRunFolder(args[0]!, lex)) {
    for (const f of filesOfRun(args[0]!, lex)) entries.push(f.entry);
  } else {
    for await (const f of filesOfInputs(args, lex)) entries.push(f.entry);
  }
  if (opts.report) entries.push(...failedFromReport(opts.report));
  const stats = runStats(entries);
  io.stdout.write(opts.json ? JSON.stringify(stats, null, 2) + "\n" : formatStats(stats));
  return entries.length ? 0 : 1;
}
