import { toCompactJson, toJson } from "../../export/json.js";
import type { Output } from "../../model/schema.js";

/** What a report line and the terminal say of a parsed input, without its output. */
export interface OutputSummary {
  /** The output's warnings of severity "warning", in order. */
  warnings: Array<{ code: string; message: string }>;
  meetings: number;
  participants: number;
  items: number;
  decisions: number;
  /** Quality flags counted per rule. */
  quality: Record<string, number>;
}

/**
 * One input's parse as the batch writes it, serialized where it was parsed. A worker sends these
 * strings instead of the output's object graph: this process (which only routes and writes) then
 * neither decodes nor collects that graph, which took about a fifth of its time (most of it in
 * the garbage collector), and the JSON is made by the worker, beside the parse, on its own core.
 */
export interface SerializedParse {
  /** JSON.stringify(output): the NDJSON line (with "\n"), the cache entry's output, the tables' source; null when none of them is written. */
  compact: string | null;
  /** toJson(output), when the run writes JSON; null otherwise. */
  pretty: string | null;
  text: string;
  summary: OutputSummary;
}

/** Which texts of an output a run writes, so that only those are made. */
export interface Serializations {
  /** The indented JSON (toJson). */
  pretty: boolean;
  /** The compact JSON (NDJSON, the cache, the tables). */
  compact: boolean;
}

export function serializeParse(output: Output, text: string, want: Serializations): SerializedParse {
  return { compact: want.compact ? toCompactJson(output) : null, pretty: want.pretty ? toJson(output) : null, text, summary: summarize(output) };
}

/** The output itself again, for the table writers (CSV, SQLite), which need its records. */
export function outputOf(p: SerializedParse): Output {
  if (p.compact === null) throw new Error("the output was not serialized for the tables");
  return JSON.parse(p.compact) as Output;
}

export function summarize(output: Output): OutputSummary {
  const items = output.meetings.flatMap((m) => m.items);
  return {
    warnings: output.warnings.filter((w) => w.severity === "warning").map((w) => ({ code: w.code, message: w.message })),
    meetings: output.meetings.length,
    participants: output.meetings.reduce((n, m) => n + m.participants.length, 0),
    items: items.length,
    decisions: items.filter((i) => i.decision).length,
    quality: countRules(output.quality ?? []),
  };
}

function countRules(flags: Array<{ rule: string }>): Record<string, number> {
  const n: Record<string, number> = {};
  for (const f of flags) n[f.rule] = (n[f.rule] ?? 0) + 1;
  return n;
}
