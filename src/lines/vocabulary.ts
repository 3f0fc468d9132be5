import type { Lexicon } from "../lexicon/load.js";
import { anyOf, capitalisedAnyOf, cueOf } from "../text/unicode.js";

/**
 * The lexicon compiled into the matchers the line layer uses. One compile per lexicon instance:
 * the WeakMap is keyed by the instance, so two lexicons in one process get two vocabularies.
 */
export interface LineVocabulary {
  /** A header label at the line start ("Plats och tid", "Beslutande"); group 1 the label. */
  label: RegExp;
  labelKind: Map<string, string>;
  /** An attendance group heading at the line start ("Beslutande ledamöter", "Övriga närvarande"). */
  group: RegExp;
  /** A role word anywhere ("ordförande", "sekreterare"). */
  role: RegExp;
  /** What every role word contains ("ordf", "sekr", …): a line without it has none (text/unicode cueOf). */
  roleCue: RegExp;
  /** A meeting-kind word ("Protokoll", "Kallelse", compounds "Sammanträdesprotokoll"). */
  kind: RegExp;
  /** What every meeting-kind word contains. */
  kindCue: RegExp;
  /** A section heading standing as the whole line ("Beslut", "Förslag till beslut"). */
  section: RegExp;
  firstNames: Set<string>;
  /** A party in parentheses: "(S)", "(Moderaterna)". */
  party: RegExp;
  /** A date: ISO, numeric with dots or en dashes, or day + month name. */
  date: RegExp;
  /** Page furniture: "Sida 3 av 12", "Justerandes sign". */
  furniture: RegExp;
  /** Web page chrome words ("cookies", "Läs mer"). */
  web: RegExp;
  /** What every web chrome word contains. */
  webCue: RegExp;
  /** Where a flattened transcript line breaks: before a § header, a capitalised label or group heading. */
  boundary: RegExp;
}

const compiled = new WeakMap<Lexicon, LineVocabulary>();

const atStart = (forms: string[]) => new RegExp(`^[ \\t]*(${anyOf(forms)})(?![\\p{L}])`, "iu");

export function lineVocabulary(lex: Lexicon): LineVocabulary {
  let v = compiled.get(lex);
  if (v) return v;
  const labelKind = new Map<string, string>();
  for (const e of lex.entries("header-labels")) for (const f of e.forms) labelKind.set(f.toLowerCase(), String(e.value));
  const months = lex.entries("months").flatMap((e) => e.forms);
  const parties = lex.entries("parties").flatMap((e) => e.forms);
  v = {
    label: atStart([...labelKind.keys()]),
    labelKind,
    group: atStart(lex.forms("groups")),
    role: new RegExp(`(?<![\\p{L}])(?:${anyOf(lex.forms("roles"))})(?![\\p{L}])`, "giu"),
    roleCue: cueOf(lex.forms("roles"), "iu"),
    kind: new RegExp(`(?:${anyOf(lex.forms("meeting-kinds"))})(?![\\p{L}])`, "iu"),
    kindCue: cueOf(lex.forms("meeting-kinds"), "iu"),
    section: new RegExp(`^[ \\t]*(?:${anyOf(lex.forms("section-headings"))})[ \\t]*:?[ \\t]*$`, "iu"),
    firstNames: new Set(lex.forms("first-names").map((f) => f.toLowerCase())),
    party: new RegExp(`\\((?:${anyOf(parties)})\\)`, "gu"),
    date: new RegExp(
      `(?<!\\d)(?:\\d{4}[-–.]\\d{1,2}[-–.]\\d{1,2}|\\d{1,2}[-–.]\\d{1,2}[-–.]\\d{4}|\\d{1,2}(?::e|:a)?[ \\t]+(?:${anyOf(months)})(?![\\p{L}]))`,
      "giu",
    ),
    furniture: new RegExp(`^[ \\t]*(?:${anyOf(lex.forms("furniture"))})(?![\\p{L}])`, "iu"),
    boundary: new RegExp(
      `(?<=[ \\t])(?=(?:Innehållsförteckning|INNEHÅLLSFÖRTECKNING)(?![\\p{L}])|(?:${capitalisedAnyOf(lex.forms("groups"))})(?:[ \\t]+\\p{Ll}+){1,2}[ \\t]*:|§[ \\t]*\\d{1,4}[ \\t]+\\p{Lu}|(?:${capitalisedAnyOf([...labelKind.keys(), ...lex.forms("groups")])})(?:[ \\t]*:|[ \\t]+[\\p{Lu}\\d]))`,
      "gu",
    ),
    web: new RegExp(`(?<![\\p{L}])(?:${anyOf(lex.forms("document-kinds", "webpage"))})(?![\\p{L}])`, "iu"),
    webCue: cueOf(lex.forms("document-kinds", "webpage"), "iu"),
  };
  compiled.set(lex, v);
  return v;
}
