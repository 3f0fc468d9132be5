import type { SourceDocument } from "../ingest/document.js";
import type { Lexicon } from "../lexicon/load.js";
import type { Line } from "../segment/lines.js";
import { bodySize, LineQuestionsOf, lineFeatures, QUESTION_NAMES, type LineFeatures } from "./features.js";
import { lineRecords, type LineRecord } from "./record.js";
import { chooseLabel, checkFeatureNames, loadLineRules, type LineLabel, type LineRules } from "./rules.js";
import { lineVocabulary } from "./vocabulary.js";

export type { LineRecord } from "./record.js";
export type { LineLabel } from "./rules.js";

/** A non-blank line with its features and its one label. */
export interface LabelledLine extends LineRecord {
  features: LineFeatures;
  label: LineLabel;
  rules: string[];
}

let rulesFile: LineRules | null = null;

/** The rules are data shipped with the code (not a vocabulary), read once. */
function rules(): LineRules {
  if (!rulesFile) {
    const r = loadLineRules();
    const probe = Object.keys(lineFeatures({ start: 0, end: 0, n: 1, text: "", layout: { page: null, x: null, size: null, gapBefore: null, column: null, headingDepth: null, listItem: false, boldRunIn: false }, flat: false, piece: false }, NO_VOCAB, null));
    checkFeatureNames(r, [...probe, ...QUESTION_NAMES]);
    rulesFile = r;
  }
  return rulesFile;
}

const never = /(?!)/u;
const NO_VOCAB = { label: never, labelKind: new Map(), group: never, role: /(?!)/gu, roleCue: never, kind: never, kindCue: never, section: never, firstNames: new Set<string>(), party: /(?!)/gu, date: /(?!)/gu, furniture: never, web: never, webCue: never, boundary: /(?!)/gu };

/** Labels every non-blank line of the document (flat lines as their pieces); `lines` is splitLines(doc.text) if known. */
export function labelLines(doc: SourceDocument, lex: Lexicon, lines?: readonly Line[]): LabelledLine[] {
  const vocab = lineVocabulary(lex);
  const records = lineRecords(doc, vocab, lines);
  const body = bodySize(records);
  const r = rules();
  const out: LabelledLine[] = [];
  const ask = new LineQuestionsOf(vocab);
  for (const rec of records) {
    const t = rec.text.trim();
    if (t === "") continue;
    const features = lineFeatures(rec, vocab, body, t);
    const c = chooseLabel(r, features, ask.of(t));
    // Fields named one by one: an object spread here cost more than the features themselves.
    out.push({ start: rec.start, end: rec.end, n: rec.n, text: rec.text, layout: rec.layout, flat: rec.flat, piece: rec.piece, features, label: c.label, rules: c.rules });
  }
  return out;
}

/** One line of text labelled alone (for the spec table and --explain). */
export function labelText(text: string, lex: Lexicon): LineLabel {
  const doc = { text, layout: undefined } as unknown as SourceDocument;
  return labelLines(doc, lex)[0]?.label ?? "body";
}
