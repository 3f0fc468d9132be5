import type { Lexicon } from "../lexicon/load.js";
import { perLexicon } from "../extract/per-lexicon.js";

/**
 * A participant's name in the form persons are compared in: lower case (Swedish rules), diacritics
 * kept (Åsa and Asa are two names), given names before the surname, initials kept as initials.
 */
export interface NormalName {
  /** Given names, lower case; an initial is one letter ("a"), a hyphenated initial "a-k". */
  given: string[];
  /** Whether every given name is an initial ("A. Andersson", "A-K Berg"). */
  initialsOnly: boolean;
  /** The surname, lower case, particles included ("von essen"); "" when the name is one word. */
  surname: string;
  /** Whether the record wrote the surname first ("Andersson, Anna", "Andersson Anna"). */
  surnameFirst: boolean;
}

const lower = (s: string) => s.normalize("NFC").toLocaleLowerCase("sv");
/** "A.", "A", "A.-K.", "A-K": one or two letters standing for given names. */
const INITIAL = /^\p{Lu}\.?(?:-\p{Lu}\.?)?$/u;

const vocabulary = perLexicon((lex: Lexicon) => ({
  firstNames: new Set(lex.forms("first-names").map(lower)),
  particles: new Set(lex.entries("name-particles").flatMap((e) => e.forms).map(lower)),
}));

/** "A.-K." → "a-k"; "Anna-Karin" → "a-k": the letters a given name's initials show. */
export function initialsOf(given: string): string {
  return given.split("-").map((p) => p.replace(/\.$/, "").charAt(0)).join("-");
}

function isFirstName(token: string, firstNames: Set<string>): boolean {
  return token.split("-").every((p) => firstNames.has(lower(p)));
}

/** Splits a name into given names and surname; comma and known-first-name order decide "surname first". */
export function normaliseName(raw: string, lex: Lexicon): NormalName {
  const { firstNames, particles } = vocabulary(lex);
  const comma = raw.indexOf(",");
  let tokens = raw.replace(/[()]/g, " ").split(/[\s,]+/u).filter(Boolean);
  let surnameFirst = false;
  if (comma > 0 && tokens.length >= 2) {
    // "Andersson, Anna": everything before the comma is the surname.
    const before = raw.slice(0, comma).split(/\s+/u).filter(Boolean).length;
    tokens = [...tokens.slice(before), ...tokens.slice(0, before)];
    surnameFirst = true;
  } else if (tokens.length === 2 && !isFirstName(tokens[0]!, firstNames) && isFirstName(tokens[1]!, firstNames) && !INITIAL.test(tokens[0]!)) {
    // "Andersson Anna": the known given name stands last.
    tokens = [tokens[1]!, tokens[0]!];
    surnameFirst = true;
  }
  if (tokens.length < 2) return { given: [], initialsOnly: false, surname: lower(tokens[0] ?? ""), surnameFirst };
  // The surname is the last word with the particles before it ("Per von Essen").
  let cut = tokens.length - 1;
  while (cut > 1 && particles.has(lower(tokens[cut - 1]!))) cut--;
  const givenRaw = tokens.slice(0, cut);
  const given = givenRaw.map((g) => (INITIAL.test(g) ? initialsOf(lower(g)) : lower(g)));
  return { given, initialsOnly: givenRaw.every((g) => INITIAL.test(g)), surname: lower(tokens.slice(cut).join(" ")), surnameFirst };
}

/** How two names' given names agree: the same, the same first given name, initials that fit, or not at all. */
export type GivenAgreement = "same" | "first-given" | "initials" | "none";

export function givenAgreement(a: NormalName, b: NormalName): GivenAgreement {
  if (!a.given.length || !b.given.length) return a.given.length === b.given.length ? "same" : "none";
  if (a.initialsOnly || b.initialsOnly) {
    const ia = a.given.map(initialsOf).join(" ");
    const ib = b.given.map(initialsOf).join(" ");
    return ia.startsWith(ib) || ib.startsWith(ia) ? "initials" : "none";
  }
  if (a.given.join(" ") === b.given.join(" ")) return "same";
  return a.given[0] === b.given[0] ? "first-given" : "none";
}

/** The name as one key: "anna andersson". */
export const nameKey = (n: NormalName) => [...n.given, n.surname].filter(Boolean).join(" ");
