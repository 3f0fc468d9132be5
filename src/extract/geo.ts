import { perLexicon } from "./per-lexicon.js";
import type { Lexicon } from "../lexicon/load.js";

export interface Place {
  name: string;
  code: string;
  kind: "municipality" | "region";
}

/** Municipalities and regions by every form they are written in. */
export interface Geo {
  lookup(word: string): Place | null;
  isPlace(word: string): boolean;
}

export const loadGeo = perLexicon((lex: Lexicon): Geo => {
  const byForm = new Map<string, Place>();
  for (const e of lex.entries("regions")) {
    const p: Place = { name: String(e.value), code: String(e.code), kind: "region" };
    for (const f of e.forms) byForm.set(f.toLowerCase(), p);
  }
  for (const e of lex.entries("municipalities")) {
    const p: Place = { name: String(e.value), code: String(e.code), kind: "municipality" };
    for (const f of e.forms) if (!byForm.has(f.toLowerCase())) byForm.set(f.toLowerCase(), p);
  }
  return {
    lookup: (w) => byForm.get(w.trim().toLowerCase()) ?? null,
    isPlace: (w) => byForm.has(w.trim().toLowerCase()),
  };
});
