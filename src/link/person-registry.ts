import { createHash } from "node:crypto";
import type { Lexicon } from "../lexicon/load.js";
import { givenAgreement, nameKey, normaliseName, type NormalName } from "./normalise-name.js";
import { byTime, type MentionRecord } from "./records.js";

/** One person of the run: the mentions linked to them and what those agree on. */
export interface Person {
  id: string;
  scope: string;
  name: NormalName;
  /** The fullest way the records write the name ("Anna Andersson"). */
  display: string;
  /** Lower case, as compared; `representsAs` as first written. */
  represents: string | null;
  representsAs: string | null;
  mentions: MentionRecord[];
  meetings: Set<string>;
  bodies: Set<string>;
  /** The party of the latest mention that names one. */
  party: string | null;
  /** First and last meeting dates seen, for the time evidence. */
  first: string | null;
  last: string | null;
}

/** How one participant entry was linked: to a person, as a new person, or refused as ambiguous. */
export interface MentionLink {
  mention: MentionRecord;
  personId: string | null;
  status: "new" | "linked" | "ambiguous";
  /** Human reasons ("same name", "same party", …) and the link rules behind them. */
  reasons: string[];
  rules: string[];
  score: number;
  /** The persons an ambiguous mention could be (refused: never guessed). */
  candidates: string[];
}

interface Candidate {
  person: Person;
  score: number;
  reasons: string[];
  rules: string[];
}

/** Two candidates closer than this are indistinguishable: the link is refused. */
const AMBIGUOUS_MARGIN = 0.1;
const YEAR_DAYS = 366;
const lower = (s: string | null) => (s ? s.normalize("NFC").toLocaleLowerCase("sv").trim() : null);

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
}

/** Days from the date to the span the person was seen in (0 inside it): constant time however often they were seen. */
function nearestDays(person: Person, date: string | null): number | null {
  if (!date || !person.first || !person.last) return null;
  if (date >= person.first && date <= person.last) return 0;
  return Math.min(daysBetween(person.first, date), daysBetween(person.last, date));
}

/** Scores a person as the one a mention names; null when the evidence rules them out. */
function scoreCandidate(person: Person, m: MentionRecord, name: NormalName): Candidate | null {
  if (person.meetings.has(m.meeting.key)) return null; // one person is listed once per meeting: two entries are two people
  const rep = lower(m.represents);
  if (rep && person.represents && rep !== person.represents) return null; // different municipalities
  const given = givenAgreement(person.name, name);
  if (given === "none") return null;
  const c: Candidate = { person, score: 0.5, reasons: ["same surname in the organisation"], rules: ["link/same-surname"] };
  const add = (score: number, reason: string, rule: string) => {
    c.score += score;
    c.reasons.push(reason);
    c.rules.push(rule);
  };
  if (given === "same") add(0.3, "same name", "link/same-name");
  else if (given === "first-given") add(0.2, "same first given name", "link/first-given-name");
  else add(0.1, "initial matches", "link/initial-match");
  if (name.surnameFirst || person.name.surnameFirst) c.rules.push("link/surname-first");
  const party = person.party;
  if (m.party && party) {
    if (m.party === party) add(0.15, "same party", "link/same-party");
    else add(-0.1, `party changed ${party} → ${m.party}`, "link/party-changed");
  }
  if (rep && rep === person.represents) add(0.1, "same municipality", "link/same-represents");
  if (m.meeting.body && person.bodies.has(m.meeting.body)) add(0.05, "same body", "link/same-body");
  const days = nearestDays(person, m.meeting.date);
  if (days !== null && days <= YEAR_DAYS) add(0.05, "seen within a year", "link/seen-within-year");
  else if (days !== null && days > 6 * YEAR_DAYS) add(-0.1, "years apart", "link/years-apart");
  c.score = Math.round(Math.min(1, Math.max(0, c.score)) * 100) / 100;
  return c;
}

/**
 * Names that say the most go first, so a vague mention meets every person it could be: full
 * names with a municipality, then full names, then initials; each pass in time order.
 */
function specificity(m: MentionRecord, name: NormalName): number {
  if (name.initialsOnly || !name.given.length) return 2;
  return m.represents ? 0 : 1;
}

function personId(scope: string, first: MentionRecord, name: NormalName): string {
  return `p${createHash("sha256").update(`${scope}\n${nameKey(name)}\n${first.participantKey}`).digest("hex").slice(0, 12)}`;
}

function newPerson(m: MentionRecord, name: NormalName): Person {
  return { id: personId(m.meeting.scope, m, name), scope: m.meeting.scope, name, display: "", represents: lower(m.represents), representsAs: m.represents, mentions: [], meetings: new Set(), bodies: new Set(), party: null, first: null, last: null };
}

function attach(person: Person, m: MentionRecord, name: NormalName): void {
  person.mentions.push(m);
  person.meetings.add(m.meeting.key);
  if (m.meeting.body) person.bodies.add(m.meeting.body);
  if (m.party) person.party = m.party;
  const d = m.meeting.date;
  if (d && (!person.first || d < person.first)) person.first = d;
  if (d && (!person.last || d > person.last)) person.last = d;
  if (!person.represents && m.represents) [person.represents, person.representsAs] = [lower(m.represents), m.represents];
  // A full name replaces the initials the person was first seen with.
  if (person.name.initialsOnly && !name.initialsOnly) person.name = name;
}

/**
 * Links participant entries into persons. Blocking by organisation and normalised surname keeps
 * it linear: a mention is only compared with the persons of its block, never with the whole run.
 * Within a block the evidence is scored; when the two best candidates score alike (two "Anna
 * Andersson (S)" of one organisation) the link is refused and recorded as ambiguous, never guessed.
 */
export function linkPersons(mentions: MentionRecord[], lex: Lexicon): { persons: Person[]; links: MentionLink[] } {
  const named = mentions.map((m) => ({ m, name: normaliseName(m.name, lex) })).filter((x) => x.name.surname);
  named.sort((a, b) => specificity(a.m, a.name) - specificity(b.m, b.name) || byTime(a.m, b.m) || a.m.participantKey.localeCompare(b.m.participantKey));
  const blocks = new Map<string, Person[]>();
  const persons: Person[] = [];
  const links: MentionLink[] = [];
  for (const { m, name } of named) {
    const blockKey = `${m.meeting.scope}\n${name.surname}`;
    const block = blocks.get(blockKey) ?? [];
    blocks.set(blockKey, block);
    const ranked = block.map((p) => scoreCandidate(p, m, name)).filter((c): c is Candidate => c !== null).sort((a, b) => b.score - a.score);
    const [best, second] = ranked;
    if (best && second && best.score - second.score < AMBIGUOUS_MARGIN) {
      const alike = ranked.filter((c) => best.score - c.score < AMBIGUOUS_MARGIN);
      links.push({
        mention: m, personId: null, status: "ambiguous", score: best.score,
        reasons: [`${alike.length} persons match alike: refused`],
        rules: ["link/ambiguous-same-name"], candidates: alike.map((c) => c.person.id),
      });
      continue;
    }
    if (best) {
      attach(best.person, m, name);
      links.push({ mention: m, personId: best.person.id, status: "linked", score: best.score, reasons: best.reasons, rules: best.rules, candidates: [] });
      continue;
    }
    const person = newPerson(m, name);
    attach(person, m, name);
    block.push(person);
    persons.push(person);
    links.push({ mention: m, personId: person.id, status: "new", score: 1, reasons: ["first mention"], rules: ["link/first-mention"], candidates: [] });
  }
  for (const p of persons) p.display = displayName(p);
  return { persons, links };
}

/** The most frequent full form of the name among the person's mentions (ties: the first seen). */
function displayName(p: Person): string {
  const counts = new Map<string, number>();
  for (const m of p.mentions) {
    const n = m.name.trim();
    const full = !/^\p{Lu}\.?\s/u.test(n) && !n.includes(",");
    counts.set(n, (counts.get(n) ?? 0) + (full ? 2 : 1));
  }
  let best = "";
  let most = 0;
  for (const [n, c] of counts) if (c > most) [best, most] = [n, c];
  return best;
}
