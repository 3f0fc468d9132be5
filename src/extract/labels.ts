import type { Lexicon } from "../lexicon/load.js";
import { capitalisedAnyOf, isUpper } from "../text/unicode.js";
import { scanAll, scanner } from "../text/scan.js";
import type { Range } from "../types.js";
import { perLexicon } from "./per-lexicon.js";
import { LABEL_END } from "../segment/header-blocks.js";

/**
 * Transcripts of PDFs join the lines of a header box with ". " ("Plats och tid. Nicolairummet, stadshuset
 * kl. 09:00", "Sammanträdesdatum. 2014-08-29"): a label may end so too when a capitalised value or a number follows.
 */
const TRANSCRIPT_LABEL_END = /^\.[ \t]+[\p{Lu}\d]/u;

export interface LabelHit extends Range {
  label: string;
  /** header-labels value: place-time, place, date, time, body, adjust, signature, posting, attendance. */
  kind: string;
}

const labelPatterns = perLexicon((lex: Lexicon) => {
  const kindOf = new Map<string, string>();
  for (const e of lex.entries("header-labels")) for (const f of e.forms) if (!kindOf.has(f)) kindOf.set(f, String(e.value));
  const re = new RegExp(`(?<=^|[\\t ]|\\n)(${capitalisedAnyOf([...kindOf.keys()])})(?![\\p{L}])`, "gu");
  return { re, kindOf };
});

/** Front-matter labels in a range, capitalised and followed by a value. */
export function findLabels(text: string, range: Range, lex: Lexicon): LabelHit[] {
  const { re, kindOf } = labelPatterns(lex);
  const out: LabelHit[] = [];
  const s = text.slice(range.start, range.end);
  for (const m of scanAll(scanner(re), s)) {
    const label = m[1]!;
    if (!isUpper(label[0])) continue;
    const after = s.slice(m.index + label.length, m.index + label.length + 3);
    if (!LABEL_END.test(after) && !TRANSCRIPT_LABEL_END.test(after)) continue;
    const norm = label.toLowerCase().replace(/\s+/g, " ");
    out.push({ start: range.start + m.index, end: range.start + m.index + label.length, label: norm, kind: kindOf.get(norm) ?? "other" });
  }
  return out;
}

/** The value after a label: to the line end, or on flattened lines to the next label. */
export function valueAfter(text: string, hit: LabelHit, labels: LabelHit[], limit: number): Range {
  let start = hit.end;
  while (start < limit && /[ \t:.]/.test(text[start]!)) start++;
  let lineEnd = text.indexOf("\n", start);
  if (lineEnd === -1) lineEnd = text.length;
  if (lineEnd === start) {
    // "Plats\nStora konferensen": the value stands on the next line.
    const next = /\S/.exec(text.slice(start, Math.min(limit, start + 200)));
    if (next) {
      start += next.index;
      lineEnd = text.indexOf("\n", start);
      if (lineEnd === -1) lineEnd = text.length;
    }
  }
  const nextLabel = labels.find((l) => l.start >= start);
  const end = Math.min(lineEnd, nextLabel ? nextLabel.start : lineEnd, limit, start + 300);
  return { start, end: Math.max(start, end) };
}
