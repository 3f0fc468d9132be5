import type { OutputSummary } from "./parsed.js";

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

export function okLine(path: string, summary: OutputSummary, cached: boolean, ms: number, extra: Array<{ code: string; message: string }> = []): ReportLine {
  const warnings = [...extra, ...summary.warnings];
  const first = warnings[0];
  return {
    path,
    status: first ? "warning" : "ok",
    ...(first ? { code: first.code, message: first.message } : {}),
    cached,
    meetings: summary.meetings,
    participants: summary.participants,
    items: summary.items,
    decisions: summary.decisions,
    quality: summary.quality,
    ms: Math.round(ms),
  };
}

export function failLine(path: string, status: "error" | "skipped", code: string, message: string, ms = 0): ReportLine {
  return { path, status, code, message, cached: false, meetings: 0, participants: 0, items: 0, decisions: 0, ms: Math.round(ms) };
}
