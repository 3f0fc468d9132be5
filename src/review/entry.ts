import type { Output } from "../model/schema.js";
import type { QualityFlag } from "../model/quality.js";

/** One input of a run, as the index page and `protokoll stats` see it. */
export interface FileEntry {
  path: string;
  status: "ok" | "warning" | "error" | "skipped";
  /** Error code of a failed or skipped file, or the first warning's code. */
  code: string | null;
  message: string | null;
  output: Output | null;
  flags: QualityFlag[];
  /** The review page of the file, relative to the index page. */
  href: string | null;
}

export function statusOf(out: Output): "ok" | "warning" {
  return out.warnings.some((w) => w.severity === "warning" || w.severity === "error") ? "warning" : "ok";
}

export function counts(out: Output | null): { meetings: number; participants: number; items: number; decisions: number; followUps: number } {
  const ms = out?.meetings ?? [];
  const items = ms.flatMap((m) => m.items);
  return {
    meetings: ms.length,
    participants: ms.reduce((n, m) => n + m.participants.length, 0),
    items: items.length,
    decisions: items.filter((i) => i.decision).length,
    followUps: ms.reduce((n, m) => n + m.followUps.length, 0),
  };
}
