import type { FileKind, MeetingKind } from "../model/schema.js";
import type { Lexicon } from "../lexicon/load.js";
import { compoundWords } from "../text/compound.js";
import { anyOf, wordsOf } from "../text/unicode.js";
import type { ExtractContext } from "./context.js";
import { perLexicon } from "./per-lexicon.js";

interface KindCues {
  web: RegExp;
  report: RegExp;
  /** A report word as the tail of a compound: "Revisionsrapport", "Granskningsrapport". */
  reportTail: RegExp;
}

const cuesOf = perLexicon((lex: Lexicon): KindCues => {
  const report = lex.forms("document-kinds", "report");
  return {
    web: new RegExp(wordsOf(lex.forms("document-kinds", "webpage")), "giu"),
    report: new RegExp(wordsOf(report), "giu"),
    reportTail: new RegExp(`(?:${anyOf(report)})(?![\\p{L}])`, "giu"),
  };
});

/** A bullet line that is not a date ("• 5 februari" lists meeting dates on a web page). */
const BULLET = /^[ \t]*[•●▪][ \t]+(?!\d{1,2}(?::e|:a)?[ \t]+\p{L}+[ \t]*$)/gmu;

/**
 * What a file is when it holds no meeting record. A report shows itself by a table of contents
 * (from the block layer), a report word in its first lines or many bullet points; a web page by its
 * chrome. A file with no meeting and neither is most often a council's web page (news, lists of
 * meeting dates), so that is the default once the file has any prose.
 */
export function nonMeetingKind(ctx: ExtractContext): FileKind {
  const cues = cuesOf(ctx.lex);
  const text = ctx.doc.text;
  const web = [...text.matchAll(cues.web)].length;
  const report = [...text.matchAll(cues.report)].length;
  const bullets = (text.match(BULLET) ?? []).length;
  const lines = ctx.seg.lines.filter((l) => l.label !== "furniture");
  const head = lines.slice(0, 3).map((l) => l.text.slice(0, 200)).join("\n");
  const titledReport = [...compoundWords(head, cues.reportTail)].length > 0;
  const toc = ctx.seg.blocks.some((b) => b.kind === "toc");
  if (web >= 3 && web * 2 >= report) return "webpage";
  if (report >= 3 || bullets >= 10 || titledReport || toc) return "report";
  if (web >= 1 || lines.some((l) => l.label === "body")) return "webpage";
  return "unknown";
}

/** The file's kind follows its first meeting record. */
export function fileKind(meetings: Array<{ kind: MeetingKind }>, ctx: ExtractContext): FileKind {
  return meetings[0]?.kind ?? nonMeetingKind(ctx);
}
