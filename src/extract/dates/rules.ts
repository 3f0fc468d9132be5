import type { Lexicon } from "../../lexicon/load.js";
import { NOT_AFTER_WORD as B, NOT_BEFORE_WORD as E, DASH } from "../../text/unicode.js";
import type { DateParts, Grain, RawMention } from "./types.js";
import { dateVocabulary } from "./vocabulary.js";

/** One small rule: a pattern and a build step (chrono's shape). build returns null to reject a match. */
export interface DateRule {
  id: string;
  example: string;
  pattern: RegExp;
  /**
   * Text every match contains (a month name, "kvartal"): the rule then runs only on the lines where
   * it occurs. Only for rules whose matches never cross a line end. The month rules tried at every
   * letter were 6 % of parsing time (bench/).
   */
  needs?: RegExp;
  /** The mention; `skip` leaves out the first characters of the match (a label or preposition before the date). */
  build(m: RegExpExecArray): (Omit<RawMention, "rule" | "index" | "lastIndex"> & { skip?: number }) | null;
}

const valid = (p: DateParts) =>
  (p.m === undefined || (p.m >= 1 && p.m <= 12)) &&
  (p.d === undefined || (p.d >= 1 && p.d <= 31)) &&
  (p.h === undefined || (p.h >= 0 && p.h <= 24)) &&
  (p.min === undefined || (p.min >= 0 && p.min <= 59));

const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
const year2 = (s: string) => (s.length === 2 ? (Number(s) <= 40 ? 2000 + Number(s) : 1900 + Number(s)) : Number(s));

function parts(grain: Grain, start: DateParts, end?: DateParts) {
  if (!valid(start) || (end && !valid(end))) return null;
  return end ? { grain, start, end } : { grain, start };
}

const SEASONS: Record<string, [number, number]> = {
  vår: [3, 5], sommar: [6, 8], höst: [9, 11], vinter: [12, 2],
};
const DATE_CUE_BEFORE = /(?<![\p{L}])(?:den|från|med|till|senast|per|\p{L}*datum|\p{L}*dag|före|efter|inför|fr\.?o\.?m\.?|t\.?o\.?m\.?|måndag(?:en)?|tisdag(?:en)?|onsdag(?:en)?|torsdag(?:en)?|fredag(?:en)?|lördag(?:en)?|söndag(?:en)?)[ \t]*:?[ \t]*$/iu;
/** Whether a date word or label stands right before a match: "Datum: 3-3-2015", "Sammanträdesdatum 18 09 26". */
const cueBefore = (m: RegExpExecArray) => DATE_CUE_BEFORE.test(m.input.slice(Math.max(0, m.index - 24), m.index));
const QUARTER_WORDS: Record<string, number> = { första: 1, andra: 2, tredje: 3, fjärde: 4 };
const RELATIVE_DAYS: Record<string, number> = { dag: 0, morgon: 1, övermorgon: 2, går: -1, förrgår: -2 };

export function dateRules(lex: Lexicon): DateRule[] {
  const v = dateVocabulary(lex);
  const DAY = `(?:(?<d>\\d{1,2})(?::[ae]|:e)?|(?<od>${v.ordinal}))`;
  const WEEKDAY = `(?:(?<wd>${v.weekday})[ \\t]*,?[ \\t]+)?(?:den[ \\t]+)?`;
  const MONTH = `(?<mon>${v.month})`;
  const YEAR = `(?:[ \\t]+(?<y>(?:1[89]|20)\\d{2})(?![\\d/]))?(?<iar>[ \\t]+i[ \\t]+år)?`;
  const HM = (h: string, m: string) => `(?<${h}>\\d{1,2})(?:[:.](?<${m}>\\d{2}))?`;
  const flags = "giu";
  const rule = (id: string, example: string, source: string, build: DateRule["build"], needs?: string): DateRule => ({
    id, example, pattern: new RegExp(source, flags), build, ...(needs ? { needs: new RegExp(needs, flags) } : {}),
  });
  // Every month rule has the month end a word. Only a line filter (`needs`): the trie finds the same lines.
  const ANY_MONTH = `${v.monthTrie}(?![\\p{L}\\p{N}])`;
  return [
    rule("iso-date-time", "2024-10-28 00:00", `${B}(?<y>\\d{4})(?<sep>[-–])(?<m>\\d{1,2})\\k<sep>[ ]?(?<d>\\d{1,2})(?:(?:[ \\t]+|T)(?:kl\\.?[ \\t]*)?(?<h>\\d{1,2})[:.](?<min>\\d{2}))?(?![\\d–-]|/\\d)`, (m) => {
      const g = m.groups!;
      const start = { y: num(g.y), m: num(g.m), d: num(g.d), h: num(g.h), min: num(g.min) };
      return parts(g.h ? "minute" : "day", start);
    }),
    rule("compact-date", "20120315", `${B}(?<y>(?:19|20)\\d{2})(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12]\\d|3[01])${E}`, (m) =>
      parts("day", { y: num(m.groups!.y), m: num(m.groups!.m), d: num(m.groups!.d) })),
    rule("day-slash-month", "31/10/74", `(?<![\\p{L}\\p{N}/.:-])(?<d>\\d{1,2})/(?<m>\\d{1,2})(?:/(?<y>\\d{4}|\\d{2}))?(?![\\d/]|-\\d)`, (m) => {
      const g = m.groups!;
      // Without a year, "1/2" is as often a fraction ("1/2 tjänst") or a page ("sida 2/5"): a date only
      // when written with a leading zero ("15/02") or after a date word ("från och med 1/3").
      if (!g.y && !/^0/.test(g.m!) && !/^0/.test(g.d!) && !DATE_CUE_BEFORE.test(m.input.slice(Math.max(0, m.index - 20), m.index))) return null;
      return parts("day", { y: g.y ? year2(g.y) : undefined, m: num(g.m), d: num(g.d) });
    }),
    // Finland-Swedish ranges name the year once, at the end ("29.11 – 11.12.2022", "2.5–8.5.2023"):
    // the bare "d.m" is a day only where a dash ties it to a full date.
    rule("day-dot-month-range", "29.11 – 11.12.2022", `(?<![\\p{L}\\p{N}.,:])(?<d>\\d{1,2})\\.(?<m>\\d{1,2})\\.?[ \\t]*${DASH}[ \\t]*(?<d2>\\d{1,2})\\.(?<m2>\\d{1,2})\\.(?<y>\\d{4})(?!\\d|\\.\\d)`, (m) => {
      const g = m.groups!;
      const y = Number(g.y);
      const start = { y: Number(g.m) > Number(g.m2) ? y - 1 : y, m: num(g.m), d: num(g.d) };
      return parts("day", start, { y, m: num(g.m2), d: num(g.d2) });
    }),
    rule("day-dot-month-year", "10.05.2014", `(?<![\\p{L}\\p{N}.])(?<d>\\d{1,2})\\.(?<m>\\d{1,2})\\.(?<y>\\d{4})(?![\\d.])`, (m) =>
      parts("day", { y: num(m.groups!.y), m: num(m.groups!.m), d: num(m.groups!.d) })),
    rule("written-date", "fredagen den 10 november 2023",
      `${B}${WEEKDAY}${DAY}(?:[ \\t]*${DASH}[ \\t]*(?<d2>\\d{1,2})(?::[ae]|:e)?)?[ \\t]+${MONTH}${E}${YEAR}`,
      (m) => {
        const g = m.groups!;
        const d = g.d ? Number(g.d) : v.ordinalOf(g.od!);
        const mon = v.monthOf(g.mon!.replace(/\.$/, "")) ?? v.monthOf(g.mon!);
        if (d === undefined || mon === undefined) return null;
        const y = num(g.y);
        const start: DateParts = { y, m: mon, d };
        const end = g.d2 ? { y, m: mon, d: Number(g.d2) } : undefined;
        if (end && end.d! <= d) return null;
        const p = parts("day", start, end);
        return p && g.iar && y === undefined ? { ...p, relative: { years: 0 } } : p;
      }, ANY_MONTH),
    rule("month-year", "oktober 2014", `${B}${MONTH}[ \\t]+(?<y>(?:19|20)\\d{2})${E}`, (m) => {
      const mon = v.monthOf(m.groups!.mon!);
      return mon === undefined ? null : parts("month", { y: num(m.groups!.y), m: mon });
    }, ANY_MONTH),
    rule("month-after-preposition", "i oktober", `${B}(?:i|under|från|till|sedan|före|efter|inför|per|t\\.o\\.m\\.|fr\\.o\\.m\\.)[ \\t]{1,8}(?<mon>januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)${E}`, (m) => {
      const mon = v.monthOf(m.groups!.mon!);
      return mon === undefined ? null : { ...parts("month", { m: mon })!, skip: m[0].length - m.groups!.mon!.length };
    }, ANY_MONTH),
    // Its cue: the season word and the first letters of every ending ("en", "ens", "n", "ns", "terminen"),
    // which each match holds; the bare word was in "vård" and "svår", a fifth of all lines.
    rule("season", "hösten 2023", `${B}(?<s>vår|sommar|höst|vinter)(?:en|ens|n|ns|terminen)${E}(?:[ \\t]+(?<y>(?:19|20)\\d{2})${E})?`, (m) => {
      const [a, b] = SEASONS[m.groups!.s!.toLowerCase()]!;
      const y = num(m.groups!.y);
      return parts("season", { y, m: a }, { y: y !== undefined && b < a ? y + 1 : y, m: b });
    }, "(?:vår|sommar|höst|vinter)(?:e?n|terminen)"),
    rule("quarter", "kvartal 2 2024", `${B}(?:(?:kvartal|kv\\.?|Q)[ \\t]*(?<q>[1-4])|(?<qw>första|andra|tredje|fjärde)[ \\t]+kvartalet)${E}(?:[ \\t]+(?:år[ \\t]+)?(?<y>(?:19|20)\\d{2})${E})?`, (m) => {
      const q = m.groups!.q ? Number(m.groups!.q) : QUARTER_WORDS[m.groups!.qw!.toLowerCase()]!;
      const y = num(m.groups!.y);
      return parts("month", { y, m: q * 3 - 2 }, { y, m: q * 3 });
    // Its cue: "kvartal", or "kv", "kv." or "Q" before the quarter's digit; the bare "kv|q" was in
    // "kvart" and "kvalitet" too, 3,494 lines of the bench corpus (now 2), each scanned for the rule.
    }, "kvartal|(?:kv\\.?|q)[ \\t]*[1-4]"),
    rule("week-number", "vecka 12", `${B}(?:vecka|v\\.|v)[ \\t]*(?<w>\\d{1,2})${E}(?:[ \\t]*,?[ \\t]*(?:år[ \\t]+)?(?<y>(?:19|20)\\d{2})${E})?`, (m) => {
      const w = Number(m.groups!.w);
      if (w < 1 || w > 53) return null;
      return { grain: "week", start: { y: num(m.groups!.y) }, relative: { week: w } };
    }),
    rule("relative-day", "i morgon", `${B}i[ \\t]*(?<r>dag|morgon|övermorgon|går|förrgår)${E}`, (m) =>
      ({ grain: "day", start: {}, relative: { days: RELATIVE_DAYS[m.groups!.r!.toLowerCase()]! } })),
    rule("relative-week", "nästa vecka", `${B}(?<r>nästa|kommande|förra|föregående|denna|innevarande)[ \\t]+veckan?${E}`, (m) => {
      const r = m.groups!.r!.toLowerCase();
      return { grain: "week", start: {}, relative: { weeks: r === "nästa" || r === "kommande" ? 1 : r === "förra" || r === "föregående" ? -1 : 0 } };
    }, "vecka"),
    rule("relative-year", "i fjol", `${B}(?:(?<this>i[ \\t]+år|innevarande[ \\t]+år)|(?<next>nästa[ \\t]+år|nästkommande[ \\t]+år)|(?<last>i[ \\t]+fjol|förra[ \\t]+året|föregående[ \\t]+år))${E}`, (m) =>
      ({ grain: "year", start: {}, relative: { years: m.groups!.this ? 0 : m.groups!.next ? 1 : -1 } }), "[ \\t](?:år|fjol)"),
    rule("year-range", "2018–2023", `(?<![\\p{L}\\p{N}/.,:-])(?<y>(?:19|20)\\d{2})[ \\t]*${DASH}[ \\t]*(?<y2>(?:19|20)\\d{2})(?![\\p{L}\\p{N}/]|-\\d)`, (m) => {
      const a = Number(m.groups!.y);
      const b = Number(m.groups!.y2);
      return b > a && b - a < 100 ? { grain: "year", start: { y: a }, end: { y: b } } : null;
    }),
    rule("year", "2024", `(?<![\\p{L}\\p{N}/.,:§-])(?<y>(?:19|20)\\d{2})(?![\\p{L}\\p{N}/]|[.,:]\\d|[ \\t]*(?:kr|tkr|mkr|miljoner|kronor|st|%))`, (m) =>
      ({ grain: "year", start: { y: Number(m.groups!.y) } })),
    rule("day-dash-month-year", "3-3-2015", `(?<![\\p{L}\\p{N}./:-])(?<d>\\d{1,2})-(?<m>\\d{1,2})-(?<y>(?:19|20)\\d{2})(?![\\d-])`, (m) =>
      // Case and page numbers are written so too: a date only where a date is expected.
      cueBefore(m) ? parts("day", { y: num(m.groups!.y), m: num(m.groups!.m), d: num(m.groups!.d) }) : null),
    rule("spaced-short-date", "18 09 26", `(?<![\\p{L}\\p{N}.,:-])(?<y>\\d{2})[ ](?<m>0[1-9]|1[0-2])[ ](?<d>0[1-9]|[12]\\d|3[01])(?![\\p{N}]|[ ]\\d|[.,]\\d)`, (m) =>
      cueBefore(m) ? parts("day", { y: year2(m.groups!.y!), m: num(m.groups!.m), d: num(m.groups!.d) }) : null),
    rule("worded-time-range", "från 9:30 till 11:00", `${B}(?:från|mellan)[ \\t]+(?:kl\\.?[ \\t]*|klockan[ \\t]+)?${HM("h", "min")}[ \\t]+(?:till|och)[ \\t]+(?:kl\\.?[ \\t]*|klockan[ \\t]+)?(?<h2>\\d{1,2})[:.](?<min2>\\d{2})(?![\\d])`, (m) => {
      const g = m.groups!;
      // "mellan 9 och 11" with no minutes is as often a count: the first time needs its minutes too.
      if (g.min === undefined) return null;
      const p = parts("time", { h: num(g.h), min: num(g.min) }, { h: num(g.h2), min: num(g.min2) });
      return p ? { ...p, skip: m[0].search(/\d/u) } : null;
    // Its cue: the word and the start of the time after it (a digit, "kl", "kl." or "klockan"); the
    // bare words were on 1,902 lines of the bench corpus (now 14).
    }, "(?:från|mellan)[ \\t]+(?:kl|\\d)"),
    rule("clock-time", "kl. 09:00-14:30",
      `${B}(?:kl\\.?|klockan)[ \\t]*:?[ \\t]*${HM("h", "min")}(?:(?:[ \\t]*(?:${DASH}|till)[ \\t]*|[ \\t]+(?=\\d{1,2}[:.]\\d{2}))${HM("h2", "min2")})?(?![\\d]|:)`,
      (m) => {
        const g = m.groups!;
        const start = { h: num(g.h), min: num(g.min) ?? 0 };
        const end = g.h2 ? { h: num(g.h2), min: num(g.min2) ?? 0 } : undefined;
        return parts("time", start, end);
      }),
    rule("labelled-time", "Klockan\n15:30", `(?:^|\\n)[ \\t]{0,8}(?:Klockan|Tid|Tidpunkt|Mötestid)[ \\t]{0,8}:?[ \\t]{0,8}\\n?[ \\t]{0,8}(?<h>\\d{1,2})[:.](?<min>\\d{2})(?![\\d])`, (m) => {
      const p = parts("time", { h: num(m.groups!.h), min: num(m.groups!.min) });
      return p ? { ...p, skip: m[0].search(/\d/u) } : null;
    }),
    rule("time-range", "18.30–19.55", `(?<![\\p{L}\\p{N}.:/-])(?<h>\\d{1,2})[:.](?<min>\\d{2})[ \\t]*${DASH}[ \\t]*(?<h2>\\d{1,2})[:.](?<min2>\\d{2})(?![\\d.:]\\d|\\d)`, (m) => {
      const g = m.groups!;
      return parts("time", { h: num(g.h), min: num(g.min) }, { h: num(g.h2), min: num(g.min2) });
    }),
    rule("quarter-past", "kvart över 15", `${B}(?<q>kvart[ \\t]+över|kvart[ \\t]+i|halv)[ \\t]+(?<h>\\d{1,2})${E}`, (m) => {
      const q = m.groups!.q!.toLowerCase().replace(/\s+/g, " ");
      const h = Number(m.groups!.h);
      if (q === "kvart över") return parts("time", { h, min: 15 });
      if (q === "kvart i") return parts("time", { h: (h + 23) % 24, min: 45 });
      return parts("time", { h: (h + 23) % 24, min: 30 });
    }),
    rule("hour-range", "9 – 10.30", `(?<![\\p{L}\\p{N}.:/-])(?<h>\\d{1,2})(?:[:.](?<min>\\d{2}))?[ \\t]*${DASH}[ \\t]*(?<h2>\\d{1,2})[:.](?<min2>\\d{2})(?![\\d])`, (m) => {
      const g = m.groups!;
      return parts("time", { h: num(g.h), min: num(g.min) ?? 0 }, { h: num(g.h2), min: num(g.min2) });
    }),
  ];
}
