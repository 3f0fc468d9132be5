import type { MeetingKind } from "../../model/schema.js";
import type { Range } from "../../types.js";
import { keptScanner, scanAll } from "../../text/scan.js";
import { coverage } from "../../text/sorted.js";
import { classesOf, codePointBefore, isBlankText, isSpaceOrTab, LOWER_BIT, UPPER_BIT } from "../../text/unicode.js";
import type { ExtractContext, RecordView } from "../context.js";
import { endsWithSubstituteCue, entryVocabulary, readAttributes, type EntryAttributes, type EntryVocabulary, type Position } from "./entry.js";
import { pairHeaderValues } from "./header-pairs.js";
import { positionsFromItems, type ElectedOfficial } from "./elected.js";
import { findAttendanceLabels, type AttendanceLabel, type AttendanceLabelHit } from "./labels.js";
import { nameVocabulary, namesIn, type NameHit, type NameVocabulary } from "./names.js";
import { mergeRules, noteRule, type RuleTrail } from "../../model/evidence.js";
import { markedRows, partyDelimitedRows, type MarkedRow, type PartyRow } from "./roll-call.js";

export interface RawParticipant {
  name: string;
  party: string | null;
  represents: string | null;
  representsCode: string | null;
  group: "member" | "substitute" | "other" | null;
  positions: Position[];
  title: string | null;
  present: boolean | null;
  items: string | null;
  notItems: string | null;
  note: string | null;
  substitutesFor: string | null;
  /** Found under an attendance heading or role label (not just by its shape). */
  listed: boolean;
  start: number;
  end: number;
  /** Ids of the rules behind the entry and its fields (issue 15). */
  rules?: RuleTrail;
}

/**
 * A list's entries: lines, tab-separated cells, wide gaps. A line ending in a first name goes on
 * on the next line ("Kenneth" + "Östberg (S)"), as wrapped table cells of PDFs do.
 */
export function segments(text: string, block: Range, nv: NameVocabulary): Range[] {
  const out: Range[] = [];
  let at = block.start;
  const s = text.slice(block.start, block.end);
  for (let i = 0; i < s.length; ) {
    const gap = separatorAt(s, i);
    if (gap === 0) { i++; continue; }
    // The test of the next line first: most lines go on in lower case or end otherwise; the line's
    // last word only then.
    if (s.charCodeAt(i) === 10 && startsCapitalised(s, i + 1)) {
      const lineStart = s.lastIndexOf("\n", i - 1) + 1;
      const lastWord = lastCapitalisedWord(s, Math.max(lineStart, i - 40), i);
      if (lastWord && nv.isFirstName(lastWord)) {
        // Not when the line is a whole name written surname first ("Lind Mattias").
        const surnameFirst = /^[ \t]*(\p{Lu}[\p{Ll}-]+)[ \t]+\p{Lu}[\p{Ll}-]+[ \t]*$/u.exec(s.slice(lineStart, i));
        if (!(surnameFirst && !nv.isFirstName(surnameFirst[1]!))) { i += gap; continue; }
      }
    }
    out.push({ start: at, end: block.start + i });
    at = block.start + i + gap;
    i += gap;
  }
  out.push({ start: at, end: block.end });
  return out.filter((r) => r.end > r.start);
}

/**
 * The length of the entry separator at i (what /\n|\t|[ \t]{3,}/g matches there, tried in that
 * order), or 0: a line break, a tab, or three or more blanks opening with a space. By hand: the
 * regex ran over every block character by character anyway.
 */
function separatorAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 10 || c === 9) return 1;
  if (c !== 32) return 0;
  let j = i + 1;
  while (j < s.length && isSpaceOrTab(s.charCodeAt(j))) j++;
  return j - i >= 3 ? j - i : 0;
}

/** Whether s from i is blanks, a capital and a small letter (what /^[ \t]*\p{Lu}\p{Ll}/u tests on s.slice(i)). */
function startsCapitalised(s: string, i: number): boolean {
  while (i < s.length && isSpaceOrTab(s.charCodeAt(i))) i++;
  if (i >= s.length) return false;
  const first = s.codePointAt(i)!;
  if (!(classesOf(first) & UPPER_BIT)) return false;
  const next = i + (first > 0xffff ? 2 : 1);
  return next < s.length && (classesOf(s.codePointAt(next)!) & LOWER_BIT) !== 0;
}

/**
 * The capitalised word (a capital, then small letters and hyphens) that ends s[from, to) before
 * its trailing blanks, or undefined: what /(\p{Lu}[\p{Ll}-]+)[ \t]*$/u captures on that slice.
 * There is one such word at most (a capital is no small letter), read back from the end by hand.
 */
function lastCapitalisedWord(s: string, from: number, to: number): string | undefined {
  let e = to;
  while (e > from && isSpaceOrTab(s.charCodeAt(e - 1))) e--;
  let r = e;
  for (;;) {
    const cp = codePointBefore(s, from, r);
    if (cp < 0 || !(cp === 45 || (classesOf(cp) & LOWER_BIT))) break;
    r -= cp > 0xffff ? 2 : 1;
  }
  if (r === e) return undefined;
  const capital = codePointBefore(s, from, r);
  if (capital < 0 || !(classesOf(capital) & UPPER_BIT)) return undefined;
  return s.slice(r - (capital > 0xffff ? 2 : 1), e);
}

/** "Närvarolista" or "Bilaga 1 Närvarolista" alone on a line: the list that "Se (bifogad) närvarolista" points to. */
const ATTACHED_LIST = /(?<=^|\n)[ \t]*(?:Bilaga[ \t]+\d{1,2}[ \t:.–-]*)?(?:Närvarolista|Närvaroförteckning)[ \t]*(?=\n)/gu;
/** In the line of every ATTACHED_LIST match (both headings begin so): lines without it are not tried. */
const ATTACHED_LIST_CUE = /Närvaro/u;
/** A list row holding a person: a cell of two to four capitalised words. */
const PERSON_CELL = /(?:^|\t)[ \t]*\p{Lu}[\p{Ll}’'-]+(?:[ \t]+\p{L}[\p{Ll}’'-]+){1,3}[ \t]*(?:\t|$)/u;
/** Lines without a person that end an attached list. */
const LIST_GAP = 8;

/**
 * Attendance lists attached after the front matter (a bilaga "Närvarolista" of an association's
 * meeting): from the heading to the last row holding a person before a stretch without any.
 */
function attachedLists(text: string, view: RecordView): Range[] {
  const out = listsIn(text, view, view.rec.start, view.rec.end);
  // "Övriga närvarande, se bilaga 2": the bilaga may lie after the record (bundled with other records).
  if (!out.length && view.front.some((r) => LIST_REFERENCE.test(text.slice(r.start, r.end)))) {
    out.push(...listsIn(text, view, view.rec.end, text.length).slice(0, 1));
  }
  return out;
}

/** An item titled as an attendance list ("2 Närvarolista", "§ 2 Närvarande"): its body lists the people. */
const ATTENDANCE_ITEM = /^[ \t]*(?:Närvarolista|Närvaroförteckning|Närvarande|Deltagare)[ \t:]*$/iu;

/** Attendance lists held in an item of association minutes ("2\tNärvarolista" over "•\tAdam Chodorowski"). */
function itemLists(text: string, view: RecordView): Range[] {
  return view.rec.items
    .filter((i) => ATTENDANCE_ITEM.test(text.slice(i.titleRange.start, i.titleRange.end)))
    .map((i) => ({ start: i.titleRange.start, end: i.end }));
}

/** A front matter pointing to an attached attendance list. */
const LIST_REFERENCE = /(?:närvarande|beslutande|deltagare|ledamöter)[ \t,:]*(?:se|enligt)[ \t]+(?:bifogad[ \t]+|särskild[ \t]+)?(?:närvarolista|bilaga)/iu;

function listsIn(text: string, view: RecordView, from: number, to: number): Range[] {
  const out: Range[] = [];
  const inFront = coverage(view.front);
  const s = text.slice(from, to);
  for (const m of scanAll(keptScanner(ATTACHED_LIST, ATTACHED_LIST_CUE), s)) {
    const start = from + m.index;
    if (inFront(start)) continue;
    let end = start + m[0].length;
    let at = end;
    let gap = 0;
    while (at < to && gap < LIST_GAP) {
      const nl = text.indexOf("\n", at + 1);
      const lineEnd = nl === -1 || nl > to ? to : nl;
      const line = text.slice(at, lineEnd).replace(/^\n/, "");
      if (line.trim()) {
        if (PERSON_CELL.test(line)) { end = lineEnd; gap = 0; } else gap++;
      }
      at = lineEnd;
    }
    out.push({ start, end });
  }
  return out;
}

/**
 * A role label opening a tab-separated row ("Mötesordförande\tAndreas Ekeroot\tekeroot", a "Funktion |
 * Namn" table) names that row's person only. A capitalised word after the role in its cell ("Ordförande
 * Delta") makes it the role of another body.
 */
/**
 * Only blanks between the line's start and `at`, scanned back to the first other character: on a
 * line of thousands of labels, slicing from the line start for each one was quadratic.
 */
function startsItsLine(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0xa0 && !/\s/u.test(text[i]!)) return false;
  }
  return true;
}

function tableRow(text: string, l: AttendanceLabelHit, blockEnd: number): { end: number; ofOther: boolean } | null {
  if (!startsItsLine(text, l.start)) return null;
  const nl = text.indexOf("\n", l.end);
  const lineEnd = Math.min(nl === -1 ? text.length : nl, blockEnd);
  const line = text.slice(l.end, lineEnd);
  const tab = line.indexOf("\t");
  if (tab === -1) return null;
  return { end: lineEnd, ofOther: /^[ \t]+\p{Lu}/u.test(line.slice(0, tab)) };
}

/** Rows of a role table without a role label of their own: people, group and role not said. */
const TABLE_ROWS: AttendanceLabel = { type: "group", group: null, present: true, serving: false };

/**
 * A roll call written surname first ("Andersson Jens", "Fälth Simonsson Annelie", "Frostdahl Steven"):
 * when most names of a paragraph end in a known first name and do not start with one, each such name
 * is turned to "Jens Andersson". Names already written first name first ("Niklas Lauden") stay.
 */
function firstNameFirst(list: RawParticipant[], nv: NameVocabulary): void {
  const words = (p: RawParticipant) => p.name.split(" ");
  const reversed = (w: string[]) => w.length >= 2 && !nv.isFirstName(w[0]!) && nv.isFirstName(w[w.length - 1]!);
  const straight = (w: string[]) => w.length >= 2 && nv.isFirstName(w[0]!) && !nv.isFirstName(w[w.length - 1]!);
  const back = list.filter((p) => reversed(words(p))).length;
  if (back < 3 || back <= list.filter((p) => straight(words(p))).length) return;
  for (const p of list) {
    const w = words(p);
    if (w.length >= 2 && !nv.isFirstName(w[0]!)) { p.name = [w[w.length - 1], ...w.slice(0, -1)].join(" "); noteRule(p, "name", "attendance/surname-first"); }
  }
}

/** What lies between two labels of a header row: nothing, or a short column word ("Närv.", "Parti"). */
const HEADER_CELL = /^[ \t]*(?:\p{L}{1,6}\.?[ \t]*)?$/u;

interface HeaderRow {
  label: AttendanceLabel;
  /** The row has presence columns (Närv. / Frånvarande) whose marks are lost in the text. */
  presenceUnknown: boolean;
  /** The row has a column of officials: a titled person without a party belongs there. */
  otherColumn: boolean;
}

/**
 * The labels of a flattened header row and the label the names follow. The row's first group governs
 * the names when the run has three labels or ends in a presence column or a stop label ("Paragraf");
 * two group labels alone ("Ersättare Övriga närvarande Marie Färm, kanslichef") are an empty list and
 * the next one.
 */
function headerRow(cells: AttendanceLabel[], last: AttendanceLabel | null): HeaderRow | null {
  if (!cells.length || !last || last.type === "role") return null;
  const all = [...cells, last];
  const first = all.find((l): l is Extract<AttendanceLabel, { type: "group" }> => l.type === "group" && l.group !== null);
  if (!first || first === last) return null;
  const presence = all.some((l) => l.type === "group" && l.group === null);
  if (all.length < 3 && !presence && last.type !== "stop") return null;
  return {
    label: first,
    presenceUnknown: presence,
    otherColumn: all.some((l) => l !== first && l.type === "group" && l.group === "other"),
  };
}

/**
 * Whether text[from, to) ends in a blank line: a line break, blanks, a line break, then blanks only
 * (what /\n[ \t]*\n[ \t]*$/u tests on the slice), read back from the end.
 */
export function endsInBlankLine(text: string, from: number, to: number): boolean {
  let i = to;
  for (let breaks = 0; breaks < 2; breaks++) {
    while (i > from && isSpaceOrTab(text.charCodeAt(i - 1))) i--;
    if (i <= from || text.charCodeAt(i - 1) !== 10) return false;
    i--;
  }
  return true;
}

/**
 * Whether text[from, to) ends in "]" and blanks: what a checkbox before a name (/\[([ \txX✓]?)\][ \t]*$/u)
 * needs, asked first so that the pattern, tried at every offset of the slice, runs only where it may match.
 */
export function closesBracket(text: string, from: number, to: number): boolean {
  let i = to;
  while (i > from && isSpaceOrTab(text.charCodeAt(i - 1))) i--;
  return i > from && text.charCodeAt(i - 1) === 93;
}

/**
 * Whether the segment holds a name word and a party in parentheses ("Berg (S)", "Ek (mp)"): what
 * /\p{Lu}\p{Ll}+[ \t]*\((?:\p{Lu}{1,4}|\p{Ll}{1,3})\)/u finds, looked for from each "(" by hand. Before
 * a "(" the blanks, the small letters and the capital are each the longest run there (a capital is
 * no small letter, a letter no blank), so one reading back decides.
 */
export function hasPartyMark(text: string, seg: Range): boolean {
  for (let open = text.indexOf("(", seg.start); open !== -1 && open < seg.end; open = text.indexOf("(", open + 1)) {
    if (!closesPartyMark(text, open + 1, seg.end)) continue;
    let e = open;
    while (e > seg.start && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
    let r = e;
    for (let cp = codePointBefore(text, seg.start, r); cp >= 0 && (classesOf(cp) & LOWER_BIT); cp = codePointBefore(text, seg.start, r)) r -= cp > 0xffff ? 2 : 1;
    if (r === e) continue;
    const capital = codePointBefore(text, seg.start, r);
    if (capital >= 0 && (classesOf(capital) & UPPER_BIT)) return true;
  }
  return false;
}

/** Whether text from i (before `end`) is one to four capitals or one to three small letters, then ")". */
function closesPartyMark(text: string, i: number, end: number): boolean {
  if (i >= end) return false;
  const first = classesOf(text.codePointAt(i)!);
  const bit = first & UPPER_BIT ? UPPER_BIT : first & LOWER_BIT ? LOWER_BIT : 0;
  if (!bit) return false;
  const max = bit === UPPER_BIT ? 4 : 3;
  for (let n = 0; n < max && i < end; n++) {
    const cp = text.codePointAt(i)!;
    if (!(classesOf(cp) & bit)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i < end && text.charCodeAt(i) === 41;
}

function hasNameMark(text: string, seg: Range): boolean {
  const s = text.slice(seg.start, seg.end);
  return s.includes("(") || s.includes(",");
}

/** People in the record's attendance lists, role labels and signature block; one entry per person. */
export function extractParticipants(ctx: ExtractContext, view: RecordView, kind: MeetingKind): RawParticipant[] {
  const { text } = ctx.doc;
  const v = entryVocabulary(ctx.lex, ctx.geo);
  const nv = nameVocabulary(ctx.lex);
  const people = new Map<string, RawParticipant>();
  const knownPresence = kind !== "agenda";
  const firstItem = Number(view.rec.items[0]?.number ?? 1) || 1;
  const add = (p: RawParticipant) => {
    const key = p.name.toLowerCase();
    const old = people.get(key);
    if (!old) { people.set(key, p); return; }
    old.positions = [...new Set([...old.positions, ...p.positions])];
    old.party ??= p.party;
    old.represents ??= p.represents;
    old.representsCode ??= p.representsCode;
    old.title ??= p.title;
    old.items ??= p.items;
    old.notItems ??= p.notItems;
    old.note ??= p.note;
    old.group ??= p.group;
    old.substitutesFor ??= p.substitutesFor;
    old.listed ||= p.listed;
    old.rules = mergeRules(old.rules, p.rules);
    if (p.present === false) old.present = false;
  };
  // A notice has no attendance: a list attached near it belongs to the minutes that point to it.
  const inItems = kind === "agenda" ? [] : itemLists(text, view);
  const attached = kind === "agenda" ? [] : [...attachedLists(text, view), ...inItems];
  let rollCallGroup: RawParticipant["group"] = null;
  for (const range of [...view.front, ...attached]) {
    const inAttached = attached.includes(range);
    const inItem = inItems.includes(range);
    const labels = findAttendanceLabels(text, range, ctx.lex);
    const blocks: Array<{ label: AttendanceLabelHit | null } & Range> = [];
    const firstLabel = labels[0]?.start ?? range.end;
    blocks.push({ label: null, start: range.start, end: firstLabel });
    labels.forEach((l, i) => {
      let end = labels[i + 1]?.start ?? range.end;
      const row = l.label.type === "role" ? tableRow(text, l, end) : null;
      if (row) {
        // "Kassör Delta\tAlgot Nilsson": the role of another body, no position here.
        // (Still a row of the table: its person is listed, group and role not said.)
        blocks.push({ label: row.ofOther ? { ...l, label: TABLE_ROWS } : l, start: l.end, end: row.end });
        // The table's other rows ("Sektionsordförande\tViktor Hallén") up to a blank line list people too.
        const rest = text.slice(row.end, end);
        const blank = /\n[ \t]*\n/u.exec(rest);
        const rowsEnd = blank ? row.end + blank.index : end;
        const rows = text.slice(row.end, rowsEnd).split("\n").filter((x) => x.trim());
        if (rows.length && rows.every((x) => x.includes("\t"))) {
          blocks.push({ label: { ...l, label: TABLE_ROWS }, start: row.end, end: rowsEnd });
          blocks.push({ label: null, start: rowsEnd, end });
        } else blocks.push({ label: null, start: row.end, end });
        return;
      }
      if (l.paragraphOnly) {
        const body = text.slice(l.end, end);
        const lead = /^\s*/u.exec(body)![0].length;
        const blank = /\n[ \t]*\n(?=[ \t]*\S)/u.exec(body.slice(lead));
        if (blank) blank.index += lead;
        if (blank) {
          blocks.push({ label: l, start: l.end, end: l.end + blank.index });
          blocks.push({ label: null, start: l.end + blank.index, end });
          return;
        }
      }
      blocks.push({ label: l, start: l.end, end });
    });
    // Signature tables flattened to "Sekreterare Ordförande Justerande Maria Westberg Ingvar Smedlund …":
    // role labels with nothing after them wait for the names that follow, in order.
    const queued: Position[] = [];
    // A table's header row flattened to one run of labels ("Ledamöter Närv. Frånvarande Tjänstgörande
    // ersättare Paragraf", "Kallade ledamöter För kännedom Övriga kallade"): the names follow the last one.
    const header: AttendanceLabel[] = [];
    for (const b of blocks) {
      const raw = b.label?.label ?? null;
      if (raw?.type === "role" && !/\p{L}/u.test(text.slice(b.start, b.end))) {
        queued.push(raw.position);
        header.length = 0;
        continue;
      }
      if (raw && raw.type !== "role" && HEADER_CELL.test(text.slice(b.start, b.end))) {
        header.push(raw);
        continue;
      }
      const cells = header.splice(0);
      // "Beslutande Närvarande ej tjänstgörande ersättare Utses att justera" then the values in that order.
      const paired = raw?.type === "role" && cells.length ? pairHeaderValues(text, b, [...cells, raw], nv) : null;
      if (paired) {
        queued.length = 0;
        const all = paired.flatMap((r) => r.names.map((n) => ({ n, label: r.label })));
        all.forEach(({ n, label }, i) => add(pairedPerson(text, n, all[i + 1]?.n.start ?? b.end, label, v, { firstItem, knownPresence })));
        continue;
      }
      // "Beslutande Övriga deltagande Utses att justera" then the names: the groups read as a header row,
      // the role's name(s) come last, after the officials' column.
      const roleLast = raw?.type === "role" && cells.some((c) => c.type === "group" && c.group !== null) ? raw : null;
      const row = headerRow(cells, roleLast ? END_OF_ROW : raw);
      // A stop label's value (place, time) may run on into a list whose heading was lost.
      const label = row?.label ?? (raw?.type === "stop" ? null : raw);
      const presenceUnknown = row?.presenceUnknown ?? false;
      const otherColumn = row?.otherColumn ?? false;
      const waiting = queued.splice(0);
      let nth = 0;
      const pending: RawParticipant[] = [];
      const flush = () => {
        // An unlabeled paragraph of people with titles and no parties lists officials.
        if (!label && pending.length && pending.every((p) => !p.party) && pending.some((p) => p.title)) {
          for (const p of pending) if (p.group === null) { p.group = "other"; noteRule(p, "group", "attendance/titled-paragraph"); }
        }
        firstNameFirst(pending, nv);
        pending.splice(0).forEach(add);
      };
      const columns = columnHeader(text, b);
      for (const seg of segments(text, b, nv)) {
        if (endsInBlankLine(text, Math.max(b.start, seg.start - 40), seg.start)) flush();
        // A flattened party-column roll call is a list by its shape, also where it goes on past a page
        // break without its heading (the group of the table before it then holds).
        const table = !label || label.type === "group" ? partyDelimitedRows(text, seg, nv, v.isKnownParty) : null;
        if (table) {
          if (label?.type === "group") rollCallGroup = label.group;
          pending.push(...partyRowPeople(table, label?.type === "group" ? label.group : rollCallGroup, knownPresence));
          continue;
        }
        const marked = !label || label.type === "group" ? markedRows(text, seg) : null;
        if (marked) {
          const group = label?.type === "group" ? label.group : null;
          pending.push(...marked.map((r) => markedRowPerson(r, group, knownPresence, v)));
          continue;
        }
        // Outside a list a name needs a party in parentheses or a comma after it (below): prose
        // without either, most of a report, is not searched for names at all.
        if (!label && !hasNameMark(text, seg)) continue;
        let names = namesIn(text, seg, nv, label !== null);
        // Outside any list, only "Name (S) …" and "Firstname Surname, title" are attendance. (Asked
        // once per segment, and only of a segment with names: it tells what to do with them.)
        const partyLine = !label && names.length > 0 && hasPartyMark(text, seg);
        if (!label) {
          names = names.filter((n) => partyLine || (/^[ \t]*,/u.test(text.slice(n.end, n.end + 3)) && nv.isFirstName(n.name.split(" ")[0]!)));
        }
        for (let i = 0; i < names.length; i++) {
          const n = names[i]!;
          const next = names[i + 1];
          let attrEnd = next ? next.start : seg.end;
          const attr = text.slice(n.end, attrEnd);
          let substitutesFor: string | null = null;
          if (next && endsWithSubstituteCue(attr)) {
            substitutesFor = next.name;
            i++;
            attrEnd = names[i + 1] ? names[i + 1]!.start : seg.end;
          }
          const a = readAttributes(text.slice(n.end, attrEnd).replace(substitutesFor ?? "\u0000", ""), v, firstItem);
          // Outside any list, a titled person without a party is an official (övriga närvarande).
          const column = columns && seg.start > columns.end ? columns.groups[cellIndex(text, seg.start)] : undefined;
          const group = column ? column : otherColumn && a.title && !a.party ? "other"
            : label?.type === "group" ? groupUnder(label.group, a) : !label && a.title && !a.party ? "other" : null;
          const positions = [...a.positions];
          const fromTable = waiting[nth++];
          if (fromTable) positions.push(fromTable);
          else if (label?.type === "role") positions.push(label.position);
          // "[X] Name" present, "[ ] Name" absent: a checkbox roll call.
          const box = closesBracket(text, seg.start, n.start) ? /\[([ \txX✓]?)\][ \t]*$/u.exec(text.slice(seg.start, n.start)) : null;
          const present = !knownPresence ? null : box ? box[1]!.trim() !== "" : a.present ?? (presenceUnknown ? null : label?.type === "group" ? label.present : true);
          const entry: RawParticipant = {
            name: n.name,
            party: a.party,
            represents: a.represents,
            representsCode: a.representsCode,
            group: substitutesFor || (label?.type === "group" && label.serving) ? "member" : group,
            positions: [...new Set(positions)],
            title: a.title,
            present,
            items: a.items,
            notItems: a.notItems,
            note: a.note,
            substitutesFor: substitutesFor ?? null,
            listed: label !== null,
            start: n.start,
            end: Math.max(n.end, !isBlankText(text, n.end, attrEnd) ? attrEnd : n.end),
          };
          noteEntryRules(entry, { label, row: row !== null, tableRows: raw === TABLE_ROWS, inAttached, inItem, fromTable: !!fromTable, box: !!box, a, otherColumn, knownPresence, presenceUnknown, partyLine });
          pending.push(entry);
        }
      }
      if (roleLast && row) giveRoleAfterOfficials(pending, roleLast.position);
      flush();
    }
  }
  for (const e of positionsFromItems(ctx, view, nv)) {
    const p = people.get(e.name.toLowerCase());
    if (!p) {
      // An official elected in the minutes ("Mötet väljer X till mötesordförande") took part in the
      // meeting even where no list names them (association minutes); a notice only proposes.
      if (knownPresence) add(electedPerson(e));
      continue;
    }
    p.positions = [...new Set([...p.positions, e.position])];
    noteRule(p, "positions", "attendance/elected-in-item");
  }
  mergeTurnedNames(people, nv);
  return [...people.values()];
}

/**
 * The group of a person under a group heading: a serving substitute sits as a member, and a member
 * list's "Maarit Hessling (M), ersättare" is a substitute listed among them.
 */
function groupUnder(group: RawParticipant["group"], a: EntryAttributes): RawParticipant["group"] {
  if (a.serving && group === "substitute") return "member";
  if (group === "member" && !a.serving && a.title !== null && SUBSTITUTE_TITLE.test(a.title)) return "substitute";
  return group;
}

const SUBSTITUTE_TITLE = /^(?:ersättare|ers\.?)$/iu;

/** A header row's role label read as the row's end: its names are found by their place (below). */
const END_OF_ROW: AttendanceLabel = { type: "stop" };

/**
 * The names after the last official of a header row that ends in a role ("… Lill-Marie Stedt,
 * sekreterare Bengt-Olov Söderkvist (oberoende)"): the role's column, written last. Without an
 * officials' column the role's names cannot be told from the members', and none is given the role.
 */
function giveRoleAfterOfficials(entries: RawParticipant[], position: Position): void {
  let last = -1;
  entries.forEach((p, i) => { if (p.group === "other") last = i; });
  if (last < 0) return;
  for (const p of entries.slice(last + 1)) {
    p.positions = [...new Set([...p.positions, position])];
    noteRule(p, "positions", "attendance/role-after-officials");
  }
}

/** A person of a header row paired with its values by position: the group or role of the label in its place. */
function pairedPerson(text: string, n: NameHit, attrEnd: number, label: AttendanceLabel, v: EntryVocabulary, o: { firstItem: number; knownPresence: boolean }): RawParticipant {
  const a = readAttributes(text.slice(n.end, attrEnd), v, o.firstItem);
  const group = label.type === "group" ? groupUnder(label.group, a) : null;
  const positions = [...new Set([...a.positions, ...(label.type === "role" ? [label.position] : [])])];
  const present = !o.knownPresence ? null : a.present ?? (label.type === "group" ? label.present : true);
  const p: RawParticipant = {
    name: n.name, party: a.party, represents: a.represents, representsCode: a.representsCode, group, positions, title: a.title,
    present, items: a.items, notItems: a.notItems, note: a.note, substitutesFor: null, listed: true, start: n.start, end: n.end,
    rules: { found: ["attendance/header-values-paired"] },
  };
  if (group) noteRule(p, "group", "attendance/header-values-paired");
  if (label.type === "role") noteRule(p, "positions", "attendance/header-values-paired");
  if (a.positions.length) noteRule(p, "positions", "attendance/role-word");
  if (p.party) noteRule(p, "party", "attendance/party-mark");
  if (present !== null) noteRule(p, "present", a.present !== null ? "attendance/presence-mark" : "attendance/header-values-paired");
  if (p.items || p.notItems) noteRule(p, "items", "attendance/item-range");
  return p;
}

/** An official named only where elected in an opening item: present, group not said. */
function electedPerson(e: ElectedOfficial): RawParticipant {
  return {
    name: e.name, party: null, represents: null, representsCode: null, group: null, positions: [e.position], title: null,
    present: true, items: null, notItems: null, note: null, substitutesFor: null, listed: false, start: e.start, end: e.end,
    rules: { found: ["attendance/elected-official"], positions: ["attendance/elected-in-item"], present: ["attendance/elected-official"] },
  };
}

/**
 * One person written both ways ("Wikblad Kristina" in a surname-first list, "Kristina Wikblad" under
 * the signature) is one participant: kept under the form that starts with a first name, else the earlier.
 */
function mergeTurnedNames(people: Map<string, RawParticipant>, nv: NameVocabulary): void {
  for (const [key, p] of [...people]) {
    const w = p.name.split(" ");
    if (w.length < 2 || !people.has(key)) continue;
    const turned = [w[w.length - 1], ...w.slice(0, -1)].join(" ").toLowerCase();
    const q = people.get(turned);
    if (!q || q === p) continue;
    const nameOfQ = nv.isFirstName(q.name.split(" ")[0]!) && !nv.isFirstName(w[0]!) || (!nv.isFirstName(w[0]!) && q.start < p.start);
    // The earlier entry keeps its place in the list.
    const [keep, drop, dropKey] = q.start < p.start ? [q, p, key] : [p, q, turned];
    keep.name = nameOfQ ? q.name : p.name;
    keep.positions = [...new Set([...keep.positions, ...drop.positions])];
    keep.party ??= drop.party;
    keep.title ??= drop.title;
    keep.group ??= drop.group;
    keep.listed ||= drop.listed;
    keep.rules = mergeRules(keep.rules, drop.rules);
    noteRule(keep, "name", "attendance/turned-name-merge");
    people.delete(dropKey);
  }
}

interface EntryEvidence {
  label: AttendanceLabel | null;
  row: boolean;
  tableRows: boolean;
  inAttached: boolean;
  inItem: boolean;
  fromTable: boolean;
  box: boolean;
  a: ReturnType<typeof readAttributes>;
  otherColumn: boolean;
  knownPresence: boolean;
  presenceUnknown: boolean;
  partyLine: boolean;
}

/** The rule ids behind one list entry, one per decision taken above (issue 15 evidence). */
function noteEntryRules(p: RawParticipant, e: EntryEvidence): void {
  const { label, a } = e;
  const found = e.fromTable ? "attendance/signature-table" : label?.type === "role" ? "attendance/role-label"
    : e.tableRows ? "attendance/table-rows" : e.row ? "attendance/header-row" : label ? "attendance/heading-list"
    : e.partyLine ? "attendance/party-line" : "attendance/name-comma-title";
  noteRule(p, "found", found);
  if (e.inItem) noteRule(p, "found", "attendance/item-list");
  else if (e.inAttached) noteRule(p, "found", "attendance/attached-list");
  if (p.party) noteRule(p, "party", "attendance/party-mark");
  if (p.represents) noteRule(p, "represents", "attendance/represents-place");
  if (p.group) {
    const group = p.substitutesFor ? "attendance/substitute-cue" : label?.type === "group" && label.serving ? "attendance/serving-label"
      : e.otherColumn && a.title && !a.party ? "attendance/officials-column"
      : label?.type === "group" ? (a.serving && label.group === "substitute" ? "attendance/serving-substitute"
        : groupUnder(label.group, a) !== label.group ? "attendance/substitute-title" : "attendance/group-heading")
      : "attendance/titled-official";
    noteRule(p, "group", group);
  }
  if (a.positions.length) noteRule(p, "positions", "attendance/role-word");
  if (e.fromTable) noteRule(p, "positions", "attendance/signature-table");
  else if (label?.type === "role") noteRule(p, "positions", "attendance/role-label");
  if (p.present !== null) {
    const present = e.box ? "attendance/checkbox" : a.present !== null ? "attendance/presence-mark"
      : label?.type === "group" ? "attendance/group-heading" : "attendance/listed-present";
    noteRule(p, "present", present);
  }
  if (p.items || p.notItems) noteRule(p, "items", "attendance/item-range");
}

/**
 * The people of a flattened party-column roll call: each member with the row's party, and the serving
 * substitute as a member who was there. A member whose seat a substitute took was away at least in part,
 * and the others are not marked either: the table gives their presence as unknown.
 */
function partyRowPeople(rows: PartyRow[], group: RawParticipant["group"], knownPresence: boolean): RawParticipant[] {
  const out: RawParticipant[] = [];
  const person = (n: { name: string; start: number; end: number }, party: string | null, present: boolean | null, substitutesFor: string | null): RawParticipant => ({
    name: n.name, party, represents: null, representsCode: null, group, positions: [], title: null,
    present: knownPresence ? present : null, items: null, notItems: null, note: null, substitutesFor,
    listed: true, start: n.start, end: n.end, rules: ["attendance/party-column-roll-call"],
  });
  for (const r of rows) {
    out.push(person(r.member, r.party, null, null));
    if (r.substitute) out.push({ ...person(r.substitute, null, true, r.member.name), group: "member" });
  }
  return out;
}

/** Column words of a table's header row, lower case ("ordinarie | ersättare" under "Beslutande"). */
const COLUMN_GROUPS: Record<string, "member" | "substitute" | "other"> = {
  ordinarie: "member", ledamöter: "member", ledamot: "member", ersättare: "substitute", övriga: "other",
};

/** A line of words in tab-separated cells (the first in a block: scanAll's first match is exec's). */
const COLUMN_HEADER = /(?<=^|\n)[ \t]*(\p{L}+(?:[ \t]*\t[ \t]*\p{L}+)+)[ \t]*(?=\n)/u;
/** In the line of every COLUMN_HEADER match: the scan goes from line to line holding a tab, not through every line of every block. */
const TAB = /\t/u;

/**
 * A header row of column words, one per cell ("ordinarie\tersättare"), in a block: the rows after it
 * give each cell the group of its column.
 */
function columnHeader(text: string, b: Range): { end: number; groups: Array<"member" | "substitute" | "other"> } | null {
  const s = text.slice(b.start, b.end);
  const first = scanAll(keptScanner(COLUMN_HEADER, TAB), s).next();
  if (first.done) return null;
  const m = first.value;
  const groups = m[1]!.split(/[ \t]*\t[ \t]*/u).map((w) => COLUMN_GROUPS[w.toLowerCase()]);
  if (groups.some((g) => !g) || new Set(groups).size < 2) return null;
  return { end: b.start + m.index + m[0].length, groups: groups as Array<"member" | "substitute" | "other"> };
}

/** Which cell of its line a position stands in (tabs before it on the line). */
function cellIndex(text: string, at: number): number {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  return text.slice(lineStart, at).split("\t").length - 1;
}

/** A person of a flattened närvaro- och voteringslista row, present as its mark says. */
function markedRowPerson(r: MarkedRow, group: RawParticipant["group"], knownPresence: boolean, v: ReturnType<typeof entryVocabulary>): RawParticipant {
  const position = r.role ? v.roleOf(r.role) : null;
  return {
    name: r.name.name, party: r.party, represents: null, representsCode: null, group, positions: position ? [position] : [], title: null,
    present: knownPresence ? r.present : null, items: null, notItems: null, note: null, substitutesFor: null,
    listed: true, start: r.name.start, end: r.name.end, rules: ["attendance/marked-roll-call"],
  };
}
