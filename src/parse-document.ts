/**
 * One read document → the output contract: segmentation, extraction, the meeting test, repair and
 * quality flags. Apart from the readers (pipeline.ts) so that the CLI, which reads its inputs with
 * ingest/read.ts, loads no reader it does not use.
 */
import { scanDates } from "./extract/dates/index.js";
import type { ExtractContext } from "./extract/context.js";
import { fileKind } from "./extract/document-kind.js";
import { loadGeo } from "./extract/geo.js";
import type { SourceDocument } from "./ingest/document.js";
import { loadLexicon, type Lexicon } from "./lexicon/load.js";
import { buildMeeting, type MeetingEvidence } from "./model/build.js";
import { repairOutput } from "./model/repair.js";
import { qualityFlags } from "./model/quality.js";
import type { Meeting, Output } from "./model/schema.js";
import { LINE_MODEL_MAX_CHARS, segment, type SegmentedDocument } from "./segment/index.js";
import { findLabels } from "./extract/labels.js";
import { blocksAffirmMeeting, blocksDenyMeeting, recordEvidence } from "./blocks/verdict.js";
import { forgetSentences } from "./extract/sentences.js";
import { perLexicon } from "./extract/per-lexicon.js";
import { wordsOf } from "./text/unicode.js";
import type { Diagnostic } from "./types.js";

export interface ParseResult {
  output: Output;
  /** The canonical text every span points into. */
  text: string;
}

/** A record's title: "PROTOKOLL", "Utdrag ur … protokoll", "Minnesanteckningar", capitalised, near the top of the record. */
const RECORD_TITLE = /(?<![\p{L}])(?:Utdrag ur|UTDRAG|Protokoll|PROTOKOLL|Sammanträdesprotokoll|SAMMANTRÄDESPROTOKOLL|Protokollsutdrag|PROTOKOLLSUTDRAG|Minnesanteckningar|MINNESANTECKNINGAR|Minnesanteckning|Mötesanteckningar|MÖTESANTECKNINGAR|Mötesanteckning|Kallelse|KALLELSE|Föredragningslista|FÖREDRAGNINGSLISTA|Ärendelista|ÄRENDELISTA)(?![\p{L}])/u;

/** RECORD_TITLE at a line start, maybe after a page number. */
const TITLE_LINE = new RegExp(`(?:^|\\n)[ \\t]*(?:\\d{1,3}[ \\t]+)?${RECORD_TITLE.source}`, "u");

/**
 * A record counts as a meeting when it has a front-matter box, labels, attendance or decided items.
 * Returns the id of the rule that says so (the meeting's `found` evidence), or null.
 */
function meetingRule(ctx: ExtractContext, seg: SegmentedDocument, m: Meeting, evidence: MeetingEvidence, i: number): string | null {
  const rec = seg.records[i]!;
  const blockEvidence = recordEvidence(seg.blocks, rec);
  if (seg.modelled && blocksDenyMeeting(blockEvidence, rec.items.length)) return null;
  if (seg.modelled && blocksAffirmMeeting(blockEvidence)) return "record/attendance-block";
  if (evidence.listedParticipants >= 2) return "record/attendance-list";
  if (rec.blocks.length > 0) return "record/header-box";
  const labels = new Set(rec.front.flatMap((r) => findLabels(ctx.doc.text, r, ctx.lex)).map((l) => l.kind));
  if (labels.size >= 2) return "record/header-labels";
  if (m.participants.filter((p) => p.party || p.positions.length).length >= 2) return "record/named-officials";
  let top = rec.start;
  for (const f of seg.skip) if (f.start <= top && f.end > top) top = f.end;
  const titled = RECORD_TITLE.test(ctx.doc.text.slice(top, Math.min(rec.end, top + 400))) ||
    rec.front.some((r) => TITLE_LINE.test(ctx.doc.text.slice(r.start, Math.min(r.end, r.start + 3000))));
  if (titled) return "record/title-word";
  const decided = (s: { role: string }) => ["decision", "position", "proposal", "motions", "vote", "procedure"].includes(s.role);
  if (m.items.some((it) => it.sections.some(decided))) return "record/decided-items";
  return electsAdjusters(ctx.lex, m) ? "record/adjuster-item" : null;
}

/** An item title that elects the adjusters ("Val av justerare", "Val av protokolljusterare"). */
const adjusterTitle = perLexicon((lex: Lexicon): RegExp => new RegExp(`^[ \\t]*${wordsOf(lex.forms("protocol-cues", "adjuster-elected"))}`, "iu"));

/**
 * Three numbered items, one electing the adjusters: the opening of a meeting's agenda or protocol
 * even with no front matter at all (a meeting portal's page keeps only the item list).
 */
function electsAdjusters(lex: Lexicon, m: Meeting): boolean {
  return m.items.length >= 3 && m.items.some((it) => it.title != null && adjusterTitle(lex).test(it.title));
}

export function parseDocument(doc: SourceDocument, lexicon?: Lexicon): ParseResult {
  forgetSentences();
  const lex = lexicon ?? loadLexicon();
  const geo = loadGeo(lex);
  const diagnostics: Diagnostic[] = [...doc.diagnostics];
  const seg = segment(doc, lex, (w) => geo.isPlace(w));
  const ctx: ExtractContext = { doc, seg, lex, geo, dates: scanDates(doc.text, lex), report: (d) => diagnostics.push(d) };
  if (!seg.modelled) {
    ctx.report({ code: "line-model-skipped", severity: "info", message: `The text has ${doc.text.length.toLocaleString("en")} characters, more than the line model reads (${LINE_MODEL_MAX_CHARS.toLocaleString("en")}): records and items were found without line labels and blocks.` });
  }
  const meetings = seg.records
    .map((r, i) => ({ ...buildMeeting(ctx, r, i), i }))
    .map((b) => ({ ...b, rule: meetingRule(ctx, seg, b.meeting, b.evidence, b.i) }))
    .filter((b) => b.rule !== null)
    .map((b) => ({ ...b.meeting, evidence: { ...b.meeting.evidence, found: [b.rule!] } }));
  if (meetings.length === 0) diagnostics.push({ code: "no-meeting", severity: "info", message: "No meeting record found in the file." });
  const output: Output = {
    schemaVersion: "1",
    source: doc.source,
    kind: fileKind(meetings, ctx),
    meetings,
    warnings: diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, line: d.line ?? d.span?.line ?? null, span: d.span ?? null })),
  };
  // A field that breaks the schema is dropped with a warning: one bad field never loses the document.
  const repaired = repairOutput(output);
  repaired.quality = qualityFlags(repaired, doc.text, { nameParticles: lex.entries("name-particles").flatMap((e) => e.forms) });
  return { output: repaired, text: doc.text };
}

