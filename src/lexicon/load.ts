import { readFileSync, readdirSync } from "node:fs";
import { packageUrl } from "../package-root.js";
import { lexiconFileSchema, type LexiconEntry, type LexiconFile } from "./schema.js";

/** lexicon/sv, the same folder from src/ (vitest), dist/ (built) and the bundles. */
export const LEXICON_DIR = packageUrl("lexicon/sv/");

export class LexiconError extends Error {}

export function readLexiconFile(name: string, dir: URL = LEXICON_DIR): LexiconFile {
  const url = new URL(`${name}.json`, dir);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(url, "utf8"));
  } catch (e) {
    throw new LexiconError(`lexicon ${name}.json: ${(e as Error).message}`);
  }
  const parsed = lexiconFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LexiconError(`lexicon ${name}.json: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data;
}

export function listLexiconFiles(dir: URL = LEXICON_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -5))
    .sort();
}

export type Entry = LexiconEntry;

/** All lexicon files, read and validated once per process. */
export interface Lexicon {
  file(name: string): LexiconFile;
  entries(name: string): Entry[];
  /** Forms of the entries whose value is `value`. */
  forms(name: string, value?: string | number): string[];
  /** form (lower case) → entry. */
  index(name: string): Map<string, Entry>;
}

let cached: Lexicon | null = null;

export function loadLexicon(dir: URL = LEXICON_DIR): Lexicon {
  if (cached && dir === LEXICON_DIR) return cached;
  const files = new Map<string, LexiconFile>();
  for (const name of listLexiconFiles(dir)) files.set(name, readLexiconFile(name, dir));
  const indexes = new Map<string, Map<string, Entry>>();
  const lex: Lexicon = {
    file(name) {
      const f = files.get(name);
      if (!f) throw new LexiconError(`no lexicon file ${name}.json`);
      return f;
    },
    entries: (name) => lex.file(name).entries as Entry[],
    forms: (name, value) =>
      lex.entries(name).filter((e) => value === undefined || e.value === value).flatMap((e) => e.forms),
    index(name) {
      let idx = indexes.get(name);
      if (!idx) {
        idx = new Map();
        for (const e of lex.entries(name)) for (const f of e.forms) if (!idx.has(f.toLowerCase())) idx.set(f.toLowerCase(), e);
        indexes.set(name, idx);
      }
      return idx;
    },
  };
  if (dir === LEXICON_DIR) cached = lex;
  return lex;
}
