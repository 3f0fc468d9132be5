import type { MeetingKind } from "../../model/schema.js";
import { squash } from "../../text/unicode.js";
import type { Range } from "../../types.js";
import type { ExtractContext, RecordView } from "../context.js";
import { endsWithSubstituteCue, entryVocabulary, readAttributes, type Position } from "./entry.js";
import { findAttendanceLabels, type AttendanceLabelHit } from "./labels.js";
import { NAME_RE, plausibleName } from "./names.js";

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
  substitutesFor: string | null;
  start: number;
  end: number;
}

interface NameHit extends Range {
  name: string;
}

/** Names in one stretch of a list, with the flattened-run and column fixes applied. */
function namesIn(text: string, seg: Range): NameHit[] {
  const s = text.slice(seg.start, seg.end);
  const hits: NameHit[] = [];
  for (const m of s.matchAll(NAME_RE)) {
    let start = seg.start + m.index;
    let words = m[0].split(/[ \t]+/);
    // "Magnus Haggren, Boråsregionen Josefin Zackrisson": after a bare comma the first word is the place.
    const before = s.slice(0, m.index);
    const prev = hits[hits.length - 1];
    if (words.length >= 3 && prev && /,[ \t]*$/.test(before) && text.slice(prev.end, start).replace(/[,\s]/g, "") === "") {
      start += words[0]!.length + 1;
      words = words.slice(1);
    }
    // Names run together without separators: "Rickard Norberg Ulf Hansson".
    if (words.length === 4 && !/(?:von|af|de|van)/.test(m[0])) {
      const a = words.slice(0, 2).join(" ");
      hits.push({ start, end: start + a.length, name: a });
      const bStart = start + m[0].indexOf(words[2]!, a.length);
      hits.push({ start: bStart, end: bStart + words.slice(2).join(" ").length, name: words.slice(2).join(" ") });
      continue;
    }
    const name = words.join(" ");
    hits.push({ start, end: start + text.slice(start).indexOf(words[words.length - 1]!) + words[words.length - 1]!.length, name });
  }
  return hits.filter((h) => plausibleName(h.name));
}

function segments(text: string, block: Range): Range[] {
  const out: Range[] = [];
  let at = block.start;
  const s = text.slice(block.start, block.end);
  for (const m of s.matchAll(/\n|\t|[ \t]{3,}/g)) {
    out.push({ start: at, end: block.start + m.index });
    at = block.start + m.index + m[0].length;
  }
  out.push({ start: at, end: block.end });
  return out.filter((r) => r.end > r.start);
}

/** People in the record's attendance lists, role labels and signature block; one entry per person. */
export function extractParticipants(ctx: ExtractContext, view: RecordView, kind: MeetingKind): RawParticipant[] {
  const { text } = ctx.doc;
  const v = entryVocabulary(ctx.lex, ctx.geo);
  const people = new Map<string, RawParticipant>();
  const knownPresence = kind !== "agenda";
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
    old.group ??= p.group;
    old.substitutesFor ??= p.substitutesFor;
    if (p.present === false) old.present = false;
  };
  for (const range of view.front) {
    const labels = findAttendanceLabels(text, range, ctx.lex);
    const blocks: Array<{ label: AttendanceLabelHit | null } & Range> = [];
    const firstLabel = labels[0]?.start ?? range.end;
    blocks.push({ label: null, start: range.start, end: firstLabel });
    labels.forEach((l, i) => blocks.push({ label: l, start: l.end, end: labels[i + 1]?.start ?? range.end }));
    for (const b of blocks) {
      const label = b.label?.label ?? null;
      if (label?.type === "stop") continue;
      for (const seg of segments(text, b)) {
        // Outside any list, only lines shaped like "Name (S) …" are attendance.
        if (!label && !/\p{Lu}\p{Ll}+[ \t]+\p{Lu}\p{Ll}+[ \t]*\((?:\p{Lu}{1,4}|\p{Ll}{1,3})\)/u.test(text.slice(seg.start, seg.end))) continue;
        const names = namesIn(text, seg);
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
          const a = readAttributes(text.slice(n.end, attrEnd).replace(substitutesFor ?? "\u0000", ""), v);
          const group = label?.type === "group" ? (a.serving && label.group === "substitute" ? "member" : label.group) : null;
          const positions = [...a.positions];
          if (label?.type === "role") positions.push(label.position);
          const present = !knownPresence ? null : label?.type === "group" ? label.present : true;
          add({
            name: n.name,
            party: a.party,
            represents: a.represents,
            representsCode: a.representsCode,
            group: substitutesFor || (label?.type === "group" && label.serving) ? "member" : group,
            positions: [...new Set(positions)],
            title: a.title,
            present,
            items: a.items,
            substitutesFor: substitutesFor ?? null,
            start: n.start,
            end: Math.max(n.end, squash(text.slice(n.end, attrEnd)) ? attrEnd : n.end),
          });
        }
      }
    }
  }
  return [...people.values()];
}
