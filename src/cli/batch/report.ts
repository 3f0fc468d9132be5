import type { Output } from "../../model/schema.js";

export type Status = "ok" | "warning" | "error" | "skipped";

/** One line of --report: what happened to one input. */
export interface ReportLine {
  path: string;
  status: Status;
  code?: string;
  message?: string;
  cached: boolean;
  meetings: number;
  participants: number;
  items: number;
  decisions: number;
  /** Quality flags of a parsed input, counted per rule (issue 16); absent for failed inputs. */
  quality?: Record<string, number>;
  ms: number;
}

export function okLine(path: string, output: Output, cached: boolean, ms: number, extra: Array<{ code: string; message: string }> = []): ReportLine {
  const warnings = [...extra, ...output.warnings.filter((w) => w.severity === "warning")];
  const first = warnings[0];
  const items = output.meetings.flatMap((m) => m.items);
  return {
    path,
    status: first ? "warning" : "ok",
    ...(first ? { code: first.code, message: first.message } : {}),
    cached,
    meetings: output.meetings.length,
    participants: output.meetings.reduce((n, m) => n + m.participants.length, 0),
    items: items.length,
    decisions: items.filter((i) => i.decision).length,
    quality: countRules(output.quality ?? []),
    ms: Math.round(ms),
  };
}

export function failLine(path: string, status: "error" | "skipped", code: string, message: string, ms = 0): ReportLine {
  return { path, status, code, message, cached: false, meetings: 0, participants: 0, items: 0, decisions: 0, ms: Math.round(ms) };
}

function countRules(flags: Array<{ rule: string }>): Record<string, number> {
  const n: Record<string, number> = {};
  for (const f of flags) n[f.rule] = (n[f.rule] ?? 0) + 1;
  return n;
}
