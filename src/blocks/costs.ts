import type { LabelledLine } from "../lines/index.js";
import { LINE_LABELS, type LineLabel } from "../lines/rules.js";

export const BLOCK_KINDS = [
  "header-box", "attendance", "item", "section", "signature", "adjustment", "toc", "attachment-list", "prose",
] as const;
/** furniture is not a state of the sequence: furniture lines are set aside and kept as their own blocks. */
export type BlockKind = (typeof BLOCK_KINDS)[number] | "furniture";
export type State = (typeof BLOCK_KINDS)[number];

/** What a block of each kind is made of: the cost of a line label inside it (0 fits, 3 does not). */
export const EMIT: Record<State, Partial<Record<LineLabel, number>>> = {
  "header-box": { title: 0, label: 0, value: 0.2, "attendance-heading": 1.2, person: 1.2, body: 2, signature: 1.5 },
  attendance: { "attendance-heading": 0, person: 0, value: 0.8, label: 1.2, body: 1.6, signature: 1.5, "item-header": 2 },
  item: { "item-header": 0, body: 0, "section-heading": 0.6, person: 0.8, value: 0.6, label: 1.2, title: 1.2, "attachment-list": 1, signature: 1.5, toc: 2 },
  section: { "section-heading": 0, body: 0, person: 0.8, value: 0.6, label: 1.2, "item-header": 1, "attachment-list": 1, title: 1.4, signature: 1.5 },
  signature: { signature: 0, person: 0.3, value: 0.5, label: 0.8, body: 2, title: 1.5 },
  adjustment: { label: 0.4, value: 0.4, signature: 0.8, body: 2 },
  toc: { toc: 0, "item-header": 0.7, body: 1.4, title: 1.4, value: 1.2, "attachment-list": 1 },
  "attachment-list": { "attachment-list": 0, body: 0.9, "item-header": 1.2, value: 0.8, toc: 0.8 },
  prose: { body: 0, title: 0.4, value: 0.8, label: 1.3, person: 1.2, "item-header": 1.6, "section-heading": 1.2, "attendance-heading": 1.6, signature: 1.5 },
};

const ADJUST_KINDS = new Set(["adjust", "posting"]);

/** EMIT as one table, [state * LINE_LABELS.length + label], 3 where a state does not list the label. */
const EMIT_TABLE = Float64Array.from({ length: BLOCK_KINDS.length * LINE_LABELS.length }, (_, k) =>
  EMIT[BLOCK_KINDS[Math.floor(k / LINE_LABELS.length)]!][LINE_LABELS[k % LINE_LABELS.length]!] ?? 3,
);
const LABEL_INDEX = new Map<string, number>(LINE_LABELS.map((l, i) => [l, i]));
const [HEADER_BOX, ATTENDANCE, ITEM, SECTION, , ADJUSTMENT, TOC] = BLOCK_KINDS.map((_, i) => i);

/**
 * The emission cost of a line in each state, into out[at .. at + BLOCK_KINDS.length); a few cases
 * look past the label at the line's features. The label and features are read once for all states:
 * the Viterbi pass asks for every state of every line (one call per state and line before).
 */
export function emitCosts(l: LabelledLine, out: Float64Array, at: number): void {
  const f = l.features;
  const li = LABEL_INDEX.get(l.label)!;
  const adjustKind = !!f.labelKind && ADJUST_KINDS.has(f.labelKind);
  const attendanceLabel = f.labelKind === "attendance" && (f.firstNames > 0 || f.labelValue === false);
  // "§ 42 och 43 (del) Anna Berg": a § reference among names is a partial-attendance note.
  const namesAfterNumber = l.label === "item-header" && f.nameAfterNumber;
  // A contents row with its page number, or a dot leader, is cheap in a table of contents only.
  const contentsRow = f.dotLeader || (f.trailingPage && (f.paragraphStart || f.numberStart));
  for (let s = 0; s < BLOCK_KINDS.length; s++) {
    let c = EMIT_TABLE[s * LINE_LABELS.length + li]!;
    // "Justeringens plats och tid", "Anslaget uppsatt": the adjustment and posting box.
    if (s === ADJUSTMENT && l.label === "label" && adjustKind) c = 0;
    if (s === HEADER_BOX && adjustKind) c += 0.6;
    // The body's name under the title ("Miljönämnden"): a short line without a sentence end.
    if (s === HEADER_BOX && l.label === "body" && f.words <= 5 && !f.endsSentence) c = 0.5;
    // "Närvarande: Anna Berg, Per Ek": an attendance label with its names opens the attendance.
    if (attendanceLabel) {
      if (s === ATTENDANCE) c = 0;
      if (s === HEADER_BOX) c += 0.5;
    }
    if (s === ATTENDANCE && l.label === "item-header" && (namesAfterNumber || f.parties > 0)) c = 0.2;
    // A title does not begin with a person's first name: "§ 133 Annika Friberg, tf. utvecklingschef".
    if ((s === ITEM || s === SECTION) && namesAfterNumber) c += 1;
    if (s !== TOC && contentsRow) c += 0.8;
    out[at + s] = c;
  }
}

const T: Partial<Record<State, Partial<Record<State, number>>>> = {
  "header-box": { attendance: 0.2, signature: 0.5, adjustment: 0.4, item: 0.5, toc: 0.5, prose: 0.8 },
  attendance: { item: 0.3, signature: 0.5, "header-box": 0.6, adjustment: 0.5, prose: 1 },
  item: { section: 0.2, signature: 0.6, "attachment-list": 0.6, adjustment: 0.8, "header-box": 1.5, attendance: 1.5, toc: 2.5, prose: 1.2 },
  section: { item: 0.2, signature: 0.6, "attachment-list": 0.6, adjustment: 0.8, "header-box": 1.5, attendance: 1.5, toc: 2.5, prose: 1.2 },
  signature: { adjustment: 0.3, item: 0.6, "header-box": 0.6, prose: 0.8 },
  adjustment: { signature: 0.3, item: 0.5, "header-box": 0.6, attendance: 0.6 },
  toc: { item: 0.5, section: 0.5, "header-box": 0.5, prose: 0.5, attendance: 0.8 },
  "attachment-list": { item: 0.5, signature: 0.5, prose: 0.6, "header-box": 0.8 },
  prose: { "header-box": 0.5, item: 0.8, toc: 0.6 },
};
const START: Partial<Record<State, number>> = { "header-box": 0, prose: 0.3, toc: 0.4, item: 0.6 };

export function transitionCost(from: State | null, to: State): number {
  if (from === null) return START[to] ?? 1;
  if (from === to) return 0;
  return T[from]?.[to] ?? 1.2;
}

/** transitionCost for every pair of states, [from * BLOCK_KINDS.length + to]: the Viterbi inner loop reads it per line. */
export const TRANSITIONS: Float64Array = Float64Array.from({ length: BLOCK_KINDS.length ** 2 }, (_, k) =>
  transitionCost(BLOCK_KINDS[Math.floor(k / BLOCK_KINDS.length)]!, BLOCK_KINDS[k % BLOCK_KINDS.length]!),
);
