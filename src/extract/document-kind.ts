import type { FileKind, MeetingKind } from "../model/schema.js";
import { wordsOf } from "../text/unicode.js";
import type { ExtractContext } from "./context.js";

let cues: Array<{ kind: FileKind; re: RegExp }> | null = null;

/** What a file is when it holds no meeting record: a web page, a report, or unknown. */
export function nonMeetingKind(ctx: ExtractContext): FileKind {
  cues ??= ["webpage", "report"].map((k) => ({ kind: k as FileKind, re: new RegExp(wordsOf(ctx.lex.forms("document-kinds", k)), "giu") }));
  const text = ctx.doc.text;
  const counts = cues.map((c) => ({ kind: c.kind, n: [...text.matchAll(c.re)].length }));
  const web = counts.find((c) => c.kind === "webpage")!.n;
  const report = counts.find((c) => c.kind === "report")!.n;
  const bullets = (text.match(/^[ \t]*[•●▪][ \t]/gmu) ?? []).length;
  if (web >= 3 && web * 2 >= report) return "webpage";
  if (report >= 3 || bullets >= 10) return "report";
  if (web >= 2) return "webpage";
  return "unknown";
}

/** The file's kind follows its first meeting record. */
export function fileKind(meetings: Array<{ kind: MeetingKind }>, ctx: ExtractContext): FileKind {
  return meetings[0]?.kind ?? nonMeetingKind(ctx);
}
