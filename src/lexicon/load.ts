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
  const plain = plainlyValid(raw);
  if (plain) return plain;
  const parsed = lexiconFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LexiconError(`lexicon ${name}.json: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const filled = (v: unknown): v is string => typeof v === "string" && v.length >= 1;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A file that plainly matches lexiconFileSchema, without zod (whose checks were a third of reading
 * the lexicon at start-up): the same object zod's parse returns, the schema's keys first and in its
 * order, an entry's other keys after them, the file's own other keys dropped. Anything else (a
 * missing or empty field, an odd number, a `__proto__` key) returns null and goes to zod, for its
 * verdict and its message; test/lexicon-load.test.ts holds the two to the same result.
 */
export function plainlyValid(raw: unknown): LexiconFile | null {
  if (!isRecord(raw) || Object.hasOwn(raw, "__proto__")) return null;
  const { name, description, source, updated, entries } = raw;
  if (!filled(name) || !filled(description) || !filled(source) || typeof updated !== "string" || !DAY.test(updated)) return null;
  if (!Array.isArray(entries) || entries.length === 0) return null;
  const out: LexiconEntry[] = [];
  for (const e of entries) {
    if (!isRecord(e) || Object.hasOwn(e, "__proto__")) return null;
    const { value, forms } = e;
    if (typeof value !== "string" && !(typeof value === "number" && Number.isFinite(value))) return null;
    if (!Array.isArray(forms) || !forms.every(filled)) return null;
    const entry: Record<string, unknown> = { value, forms: [...forms] };
    for (const k in e) if (k !== "value" && k !== "forms") entry[k] = e[k];
    out.push(entry as LexiconEntry);
  }
  return { name, description, source, updated, entries: out };
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
