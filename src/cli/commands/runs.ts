import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parseMinutes } from "../../pipeline.js";
import { loadLexicon, type Lexicon } from "../../lexicon/load.js";
import { qualityFlags, type QualityFlag } from "../../model/quality.js";
import type { Output } from "../../model/schema.js";
import { InputError } from "../../types.js";
import { statusOf, type FileEntry } from "../../review/entry.js";
import { expandInputs } from "../batch/inputs.js";
import { outputNames } from "../batch/names.js";
import { DEFAULT_MAX_SIZE_MB, readInputFile } from "../batch/read.js";
import { UsageError } from "../batch/run.js";

/** One file of a run with its canonical text, handed to the caller one at a time (texts are not kept). */
export interface RunFile {
  entry: FileEntry;
  text: string | null;
  /** Output name below the run folder, without extension ("2024/ks"). */
  stem: string;
}

export function flagsOf(out: Output, text: string | null, lex: Lexicon): QualityFlag[] {
  if (out.quality) return out.quality;
  // A run from before quality flags: computed now (the text-coverage rule needs the text).
  return text === null ? [] : qualityFlags(out, text, { nameParticles: lex.entries("name-particles").flatMap((e) => e.forms) });
}

function isOutput(v: unknown): v is Output {
  const o = v as Partial<Output> | null;
  return !!o && o.schemaVersion === "1" && typeof o.source?.path === "string" && Array.isArray(o.meetings) && Array.isArray(o.warnings);
}

function walk(dir: string, found: string[]): void {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    if (d.name.startsWith(".")) continue; // .protokoll-cache and other hidden folders
    const p = join(dir, d.name);
    if (d.isDirectory()) walk(p, found);
    else if (d.isFile() && /\.(json|ndjson)$/.test(d.name)) found.push(p);
  }
}

/** The parse outputs (JSON, or an NDJSON file's first line) below a `parse --out DIR` folder, in name order. */
export function* outputsOfRun(dir: string, option = "--from"): Generator<{ stem: string; output: Output }> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${option} ${dir}: not a folder of parse outputs`);
  const found: string[] = [];
  walk(dir, found);
  for (const p of found.sort()) {
    const stem = relative(dir, p).replace(/\.(json|ndjson)$/, "");
    let out: unknown;
    try {
      const raw = readFileSync(p, "utf8");
      out = JSON.parse(p.endsWith(".ndjson") ? raw.split("\n")[0] ?? "" : raw);
    } catch {
      continue; // not an output (csv-metadata.json is valid JSON but no output either)
    }
    if (isOutput(out)) yield { stem, output: out };
  }
}

/** The JSON (or NDJSON) outputs of a past `parse --out DIR` run, each with its --emit-text text when kept. */
export function* filesOfRun(dir: string, lex: Lexicon): Generator<RunFile> {
  for (const { stem, output: out } of outputsOfRun(dir)) {
    const txt = join(dir, `${stem}.txt`);
    const text = existsSync(txt) ? readFileSync(txt, "utf8") : null;
    const flags = flagsOf(out, text, lex);
    yield { stem, text, entry: { path: out.source.path, status: statusOf(out), code: firstWarning(out), message: null, output: out, flags, href: null } };
  }
}

function firstWarning(out: Output): string | null {
  return out.warnings.find((w) => w.severity !== "info")?.code ?? null;
}

/** Failed and skipped inputs from a parse --report file (parsed ones come from their JSON). */
export function failedFromReport(path: string): FileEntry[] {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch (e) {
    throw new UsageError(`--report ${path}: ${(e as Error).message}`);
  }
  const out: FileEntry[] = [];
  for (const line of raw.split("\n")) {
    if (!line.trim()) continue;
    try {
      const l = JSON.parse(line) as { path: string; status: string; code?: string; message?: string };
      if (l.status === "error" || l.status === "skipped") {
        out.push({ path: l.path, status: l.status, code: l.code ?? null, message: l.message ?? null, output: null, flags: [], href: null });
      }
    } catch {
      // a line cut by an interrupted run
    }
  }
  return out;
}

/** Inputs parsed now, in this process (files, folders, globs as for `parse`). */
export async function* filesOfInputs(inputs: string[], lex: Lexicon = loadLexicon(), skipDirs: string[] = []): AsyncGenerator<RunFile> {
  const expanded = expandInputs(inputs, { skipDirs });
  const names = outputNames(expanded.files);
  for (const s of expanded.skipped) {
    const status = s.code === "not-found" || s.code === "unreadable" || s.code === "no-match" ? "error" : "skipped";
    yield { stem: s.path, text: null, entry: { path: s.path, status, code: s.code, message: s.message, output: null, flags: [], href: null } };
  }
  for (const f of expanded.files) {
    const stem = names.get(f)!.stem;
    try {
      const bytes = readInputFile(f.fsPath, DEFAULT_MAX_SIZE_MB * 1024 * 1024);
      const { output, text } = await parseMinutes(bytes, { path: f.path, lexicon: lex });
      yield { stem, text, entry: { path: f.path, status: statusOf(output), code: firstWarning(output), message: null, output, flags: flagsOf(output, text, lex), href: null } };
    } catch (e) {
      const code = e instanceof InputError ? e.code : "internal-error";
      yield { stem, text: null, entry: { path: f.path, status: "error", code, message: (e as Error).message, output: null, flags: [], href: null } };
    }
  }
}
