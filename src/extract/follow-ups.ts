import type { Lexicon } from "../lexicon/load.js";
import type { ItemSegment } from "../segment/index.js";
import { sliceWithout } from "../segment/lines.js";
import { anyOf, isSpaceOrTab, squash, wordTestOf } from "../text/unicode.js";
import type { Range } from "../types.js";
import type { ExtractContext } from "./context.js";
import type { DateMention } from "./dates/types.js";
import { sentences } from "./sentences.js";
import { sliceByKey } from "../text/sorted.js";
import { perLexicon } from "./per-lexicon.js";
import { testAnywhere } from "../text/scan.js";

export interface RawFollowUp {
  /** The item number, or null for a commitment in a record without items. */
  item: string | null;
  due: string | null;
  text: string;
  responsible: string | null;
  range: Range;
  /** The date mention that sets the due date. */
  date: DateMention | null;
  /** The ids of the rules behind the follow-up, its owner and its due date (PREAMBLE evidence convention). */
  rules: string[];
}

/** One reading of a follow-up's owner or due date, with its rule and how much it is trusted. */
export interface Candidate<T> { value: T; span: Range | null; rule: string; weight: number }

interface Cues { dated: RegExp; undated: RegExp; agent: RegExp; agentVerbStarts: string[] }
const cuesOf = perLexicon((lex: Lexicon): Cues => {
  return {
    // The first word of each agent verb form, for mayNameAgent.
    agentVerbStarts: [...new Set(lex.forms("deadline-cues", "agent").map((f) => f.split(" ").filter((w) => w !== "")[0]!))],
    // Only tested (testAnywhere): a trie of the forms (wordTestOf).
    dated: new RegExp(wordTestOf(lex.forms("deadline-cues", "dated")), "iu"),
    undated: new RegExp(wordTestOf(lex.forms("deadline-cues", "undated")), "iu"),
    // "Erik bokar matsalen", "Åke tar upp det", "Kassören fixar fakturan": a named agent and a task verb.
    agent: new RegExp(`^((?:\\p{Lu}[\\p{L}-]*)(?:(?:[ \\t]+och|,)?[ \\t]+\\p{Lu}[\\p{L}-]*){0,3})[ \\t]+(?:${anyOf(lex.forms("deadline-cues", "agent"))})(?![\\p{L}])`, "u"),
  };
});

/**
 * Words that every `needs` word of some patterns contains, each tested once per sentence: most
 * sentences have none of them, and searching each sentence for all sixteen needs words was two
 * thirds of responsibleCandidates' time (bench/).
 */
const GATE_WORDS = ["uppdra", "nsvar", "välj|vald|uts[eå]", "omm"];
/** Each gate's test: a plain word by includes, alternatives by their pattern. */
const GATES: ReadonlyArray<(s: string) => boolean> = GATE_WORDS.map((w) => {
  if (/^\p{L}+$/u.test(w)) return (s: string) => s.includes(w);
  const re = new RegExp(w, "u");
  return (s: string) => re.test(s);
});

/**
 * Whether a sentence passes any of the GATES: their words in one pattern, so that a sentence
 * passing none of them (three in four) is answered by one search instead of four (the four tests
 * were a third of responsibleCandidates' time over the bench corpus's sentences, 4.9 → 1.6 ms).
 */
const ANY_GATE = new RegExp(GATE_WORDS.join("|"), "u");

/**
 * A necessary condition for the agent pattern (`^Name( och Name| , Name){0,3} verb`), read by hand
 * at the sentence's start: the pattern there was tried on every sentence and costs (on two-byte
 * text, its \p{L} classes) about as much as all the owner patterns together. In a match the first
 * name is `\p{Lu}[\p{L}-]*`, which holds no blank, followed by the blanks of `[ \t]+och`,
 * `,[ \t]+` or `[ \t]+`: so the sentence's first blank run comes right after the first name (or
 * its comma), and what follows that run (none of "och", a capital or a verb starts with a blank,
 * so the run is taken whole) is "och", a capitalised name or the first word of a verb form. A
 * first character that is ASCII but not A–Z is no \p{Lu}. Non-ASCII characters are left to the
 * pattern. Over the bench corpus's 22,060 sentences 4,013 pass, and the agent pattern's cost there
 * fell from 6.3 to 3.2 ms (this test included).
 */
function mayNameAgent(s: string, verbStarts: readonly string[]): boolean {
  if (s.length === 0) return false;
  const first = s.charCodeAt(0);
  if (first < 128 && !(first >= 65 && first <= 90)) return false;
  let k = 1;
  while (k < s.length && !isSpaceOrTab(s.charCodeAt(k))) k++;
  let j = k;
  while (j < s.length && isSpaceOrTab(s.charCodeAt(j))) j++;
  if (j === k || j === s.length) return false;
  const next = s.charCodeAt(j);
  if (next >= 128 || (next >= 65 && next <= 90)) return true;
  if (s.startsWith("och", j)) return true;
  for (let i = 0; i < verbStarts.length; i++) if (s.startsWith(verbStarts[i]!, j)) return true;
  return false;
}

/** What both "i uppdrag" patterns end with: their cue. */
const I_UPPDRAG = /[ \t]i[ \t]+uppdrag/u;

/**
 * "X får i uppdrag att", "fick X i uppdrag", "uppdrar åt X", "X ansvarar för", "X återkommer": who must act.
 * `needs`: words of which the pattern must contain one, tested before it (most sentences have none);
 * `gate`: the GATES test each of them passes, asked first. Without `needs` the gate's word is the need.
 * `cue`: a pattern every match holds (a literal part of the pattern: the verb phrase of "i uppdrag",
 * the return forms, the dash of "Namn – ordförande kommer"), asked after the needs words: the "i
 * uppdrag" patterns on the bench corpus's 1,301 sentences with "uppdrag" 2.2 → 0.13 ms, the
 * returns patterns on its 1,538 with "kommer" 1.4 → 0.3 ms.
 */
const RESPONSIBLE: Array<{ rule: string; gate: number; needs?: string[]; cue?: RegExp; re: RegExp }> = [
  { rule: "followup/uppdrag", gate: 0, needs: ["uppdrag"], cue: I_UPPDRAG, re: /(?:^|[.:;]\s+|\n)((?:\p{Lu}[\p{L}-]*)(?:[ \t]+[\p{L}-]+){0,6}?)[ \t]+(?:får|fick|ges|gavs)[ \t]+i[ \t]+uppdrag/u },
  { rule: "followup/uppdrag", gate: 0, needs: ["uppdrag"], cue: I_UPPDRAG, re: /(?:fick|ger|gav|ge)[ \t]+((?:\p{L}[\p{L}-]*)(?:[ \t]+[\p{L}-]+){0,6}?)[ \t]+i[ \t]+uppdrag/u },
  { rule: "followup/uppdrar-at", gate: 0, re: /uppdra(?:r|s|g)?[ \t]+(?:åt|till)[ \t]+((?:\p{L}[\p{L}-]*)(?:[ \t]+[\p{L}-]+){0,5}?)[ \t]+att/u },
  { rule: "followup/ansvarar", gate: 1, needs: ["ansvar"], re: /(?:^|[.:;]\s+|\n)((?:\p{Lu}[\p{L}-]*)(?:(?:[ \t]+och|,)?[ \t]+\p{Lu}[\p{L}-]*){0,3})[ \t]+(?:ansvarar|har[ \t]+ansvaret|tar[ \t]+ansvar)[ \t]+för/u },
  { rule: "followup/chosen-to", gate: 2, needs: ["väljs", "valdes", "utses", "utsågs"], re: /^((?:\p{Lu}[\p{L}-]*)(?:(?:[ \t]+och|,)?[ \t]+\p{Lu}[\p{L}-]*){0,3})[ \t]+(?:väljs|valdes|utses|utsågs)[ \t]+att[ \t]+(?!justera)/u },
  { rule: "followup/chosen-to", gate: 2, needs: ["väljer", "utser", "valde", "utsåg"], re: /(?:väljer|utser|valde|utsåg)[ \t]+((?:\p{Lu}[\p{L}-]*)(?:(?:[ \t]+och|,)?[ \t]+\p{Lu}[\p{L}-]*){0,3})[ \t]+att[ \t]+(?!justera)/u },
  { rule: "followup/ansvar-label", gate: 1, re: /(?<![\p{L}])(?:Ansvar|Ansvarig)[ \t]*:[ \t]*((?:\p{Lu}[\p{L}.-]*)(?:(?:[ \t]+och|,)?[ \t]+\p{Lu}[\p{L}.-]*){0,3})/u },
  // (Every form holds "kommer" or "återkomma": "omm" alone is in every "kommun".)
  { rule: "followup/returns", gate: 3, needs: ["kommer", "återkomma"], cue: /återkomm|kommer[ \t]+(?:att[ \t]+)?(?:göra|ta[ \t]+fram|återkomma)/u, re: /^((?:\p{Lu}[\p{L}-]*)(?:[ \t]+[\p{L}-]+){0,4}?)[ \t]+(?:återkommer|ska[ \t]+återkomma|kommer[ \t]+(?:att[ \t]+)?(?:göra|ta[ \t]+fram|återkomma))/u },
  { rule: "followup/returns", gate: 3, needs: ["kommer"], cue: /[–-][ \t]/u, re: /^((?:\p{Lu}[\p{L}-]*)(?:[ \t]+\p{Lu}[\p{L}-]*){1,2})[ \t]+[–-][ \t]+\p{Ll}+[ \t]+kommer/u },
];

/** The needs words of the patterns, for the test that each passes its pattern's gate. */
export const responsibleNeeds = (): Array<{ gate: (s: string) => boolean; words: string[] }> =>
  RESPONSIBLE.map((p) => ({ gate: GATES[p.gate]!, words: p.needs ?? [] }));

/** Words that start a sentence but are no one's name ("Det", "Styrelsen" is a body and stays). */
const NOT_AN_AGENT = /^(?:Det|Den|De|Vi|Man|Detta|Denna|Dessa|Här|Där|Nu|Sedan|Då|Om|När|Alla|Ingen|Inga|Mötet|Frågan|Ärendet|Punkten)$/u;

function containsAny(s: string, words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) if (s.includes(words[i]!)) return true;
  return false;
}

/**
 * The owners a sentence names. `guarded` false tries every pattern on it, without the gates, the
 * needs words, the cues and mayNameAgent: the same candidates (the guards are necessary conditions), for
 * the test that says so.
 */
export function responsibleCandidates(lex: Lexicon, s: string, guarded = true): Candidate<string>[] {
  const out: Candidate<string>[] = [];
  if (!guarded || ANY_GATE.test(s)) {
    let passed = 0;
    for (let g = 0; g < GATES.length; g++) if (!guarded || GATES[g]!(s)) passed |= 1 << g;
    for (const p of RESPONSIBLE) {
      if ((passed & (1 << p.gate)) === 0 || (guarded && ((p.needs && !containsAny(s, p.needs)) || (p.cue && !p.cue.test(s))))) continue;
      const m = p.re.exec(s);
      if (m) out.push({ value: squash(m[1]!), span: null, rule: p.rule, weight: p.rule === "followup/returns" ? 1 : 2 });
    }
  }
  const cues = cuesOf(lex);
  const agent = !guarded || mayNameAgent(s, cues.agentVerbStarts) ? cues.agent.exec(s) : null;
  if (agent && !NOT_AN_AGENT.test(agent[1]!.split(/[ \t]/u)[0]!)) out.push({ value: squash(agent[1]!), span: null, rule: "followup/agent-verb", weight: 1 });
  return out;
}

function best<T>(cands: Candidate<T>[]): Candidate<T> | null {
  return cands.reduce<Candidate<T> | null>((b, c) => (!b || c.weight > b.weight ? c : b), null);
}

/**
 * The ISO day of a due date. A date without a year ("senast den 30 april", "--04-30") takes the
 * meeting's year, or the next year when that day has passed at the meeting (a deadline lies ahead).
 * Without a meeting date, a year written in the same sentence ("kontrollplan för 2018 senast den 30 april").
 */
export function dueDay(value: string, meetingDate: string | null, yearHint: number | null = null): string | null {
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  const m = /^--(\d{2})-(\d{2})/.exec(value);
  if (!m) return null;
  if (!meetingDate) return yearHint ? `${yearHint}-${m[1]}-${m[2]}` : null;
  const year = Number(meetingDate.slice(0, 4));
  const day = `${year}-${m[1]}-${m[2]}`;
  return day >= meetingDate ? day : `${year + 1}-${m[1]}-${m[2]}`;
}

/** "Uppdraget redovisades … senast den 4 december": a deadline told of in the past is no commitment. */
const PAST_REPORT = /(?<![\p{L}])(?:redovisades|återrapporterades|rapporterades|presenterades|lämnades|levererades|besvarades|inkom|genomfördes)(?![\p{L}])/iu;
/** What each PAST_REPORT form holds, with its case folding: asked first, as most sentences have neither (a third of the cost). */
const PAST_REPORT_STEM = /des|inkom/iu;
/** "senast 6/4", "till och med 30 juni", "före den 1 maj": a cue right before the date. */
const BEFORE_DATE = /(?:senast|till[ \t]+och[ \t]+med|t\.?[ \t]?o\.?[ \t]?m\.?|före|innan|deadline|till)[ \t]+(?:den[ \t]+|på[ \t]+)?(?:\p{L}+dag(?:en)?[ \t]+)?$/iu;

function yearIn(s: string): number | null {
  const years = [...s.matchAll(/(?<!\d)(?:19|20)\d\d(?!\d)/gu)].map((m) => Number(m[0]));
  return years.length ? years[years.length - 1]! : null;
}

/** The due-date candidates of one sentence: days at or after the meeting, a cue right before them trusted most. */
function dueCandidates(text: string, s: Range, dates: DateMention[], meetingDate: string | null, hint: number | null): Candidate<{ day: string; date: DateMention }>[] {
  const out: Candidate<{ day: string; date: DateMention }>[] = [];
  for (const d of sliceByKey(dates, s.start, s.end, (x) => x.index)) {
    if (d.grain !== "day" && d.grain !== "minute" && d.grain !== "month-day") continue;
    const day = dueDay(d.value, meetingDate, hint);
    if (!day || (meetingDate && day < meetingDate)) continue;
    const cued = BEFORE_DATE.test(text.slice(Math.max(s.start, d.index - 40), d.index));
    out.push({ value: { day, date: d }, span: { start: d.index, end: d.lastIndex }, rule: cued ? "followup/deadline-before-date" : "followup/date-in-sentence", weight: cued ? 2 : 1 });
  }
  return out;
}

/** Dated commitments (a deadline cue and a date at or after the meeting) and undated assignments in one range. */
export function followUpsIn(ctx: ExtractContext, range: Range, item: string | null, dates: DateMention[], meetingDate: string | null): RawFollowUp[] {
  const cues = cuesOf(ctx.lex);
  const { text } = ctx.doc;
  const out: RawFollowUp[] = [];
  // The range's own owner is looked for only when a dated follow-up without an owner of its sentence needs it.
  let rangeOwner: Candidate<string> | null | undefined;
  const rangeOwnerOf = () => (rangeOwner === undefined ? (rangeOwner = best(responsibleCandidates(ctx.lex, sliceWithout(text, range.start, range.end, ctx.seg.skip)).filter((c) => c.weight >= 2))) : rangeOwner);
  const ruleOf = (c: Candidate<unknown> | null) => (c ? [c.rule] : []);
  for (const s of sentences(text, range)) {
    const t = squash(sliceWithout(text, s.start, s.end, ctx.seg.skip));
    if (PAST_REPORT_STEM.test(t) && testAnywhere(PAST_REPORT, t)) continue;
    const due = best(dueCandidates(text, s, dates, meetingDate, meetingDate ? null : yearIn(t)));
    if (due) {
      const owners = responsibleCandidates(ctx.lex, t);
      const owner = best(owners);
      const dated = testAnywhere(cues.dated, t);
      // A named agent with a task verb ("Pelle kontaktar kommunen") is an assignment of its own.
      const undated = !dated && (testAnywhere(cues.undated, t) || owners.some((o) => o.weight >= 2 || o.rule === "followup/agent-verb"));
      if (dated || undated || (owner && due.weight >= 2)) {
        const who = owner ?? rangeOwnerOf();
        out.push({ item, due: due.value.day, text: t, responsible: who?.value ?? null, range: s, date: due.value.date, rules: [dated ? "followup/deadline-cue" : "followup/assignment", ...ruleOf(due), ...ruleOf(who)] });
      }
      continue;
    }
    const mentions = sliceByKey(dates, s.start, s.end, (x) => x.index);
    if (mentions.length === 0) {
      const owners = responsibleCandidates(ctx.lex, t);
      if (testAnywhere(cues.undated, t) || owners.some((o) => o.weight >= 2 || o.rule === "followup/agent-verb")) {
        out.push({ item, due: null, text: t, responsible: best(owners)?.value ?? null, range: s, date: null, rules: ["followup/assignment", ...ruleOf(best(owners))] });
      }
    } else if (mentions.some((d) => d.grain === "month") && testAnywhere(cues.dated, t)) {
      // "ska redovisas i juni 2019": a deadline of a month is a commitment without a day.
      const owner = best(responsibleCandidates(ctx.lex, t));
      out.push({ item, due: null, text: t, responsible: owner?.value ?? null, range: s, date: null, rules: ["followup/month-deadline", ...ruleOf(owner)] });
    }
  }
  // The same commitment stated in the proposal and in the decision is one follow-up.
  const seen = new Set<string>();
  return out.filter((f) => {
    const key = `${f.item}|${f.due ?? squash(f.text).toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The follow-ups of one item's body. */
export function itemFollowUps(ctx: ExtractContext, item: ItemSegment, dates: DateMention[], meetingDate: string | null): RawFollowUp[] {
  return followUpsIn(ctx, { start: item.bodyStart, end: item.end }, item.number, dates, meetingDate);
}

/** "Protokollet justeras senast …" in a header: the adjustment of the minutes, not a task of the meeting. */
const ADJUSTMENT = /(?<![\p{L}])juster(?:a|as|ing|ingen|ade)(?![\p{L}])/iu;

/** The follow-ups of a record without items: its whole text, without the adjustment of the minutes. */
export function recordFollowUps(ctx: ExtractContext, rec: Range, dates: DateMention[], meetingDate: string | null): RawFollowUp[] {
  return followUpsIn(ctx, { start: rec.start, end: rec.end }, null, dates, meetingDate).filter((f) => !ADJUSTMENT.test(f.text));
}
