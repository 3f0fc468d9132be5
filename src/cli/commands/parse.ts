import { basename, dirname, extname, join } from "node:path";
import { tableToCsv } from "../../export/csv.js";
import { toJson, toNdjsonLine } from "../../export/json.js";
import { addToTables, emptyTables } from "../../export/tables.js";
import { ingestAsync } from "../../ingest/index.js";
import { PdfPool } from "../../ingest/pdf/pool.js";
import { parseDocument } from "../../pipeline.js";
import { InputError } from "../../types.js";
import type { Io } from "../io.js";
import { expandInputs, relativeName, type InputFile } from "../inputs.js";

export interface ParseCommandOptions {
  out?: string;
  format: "json" | "ndjson" | "csv";
  emitText?: boolean;
  quiet?: boolean;
  debug?: boolean;
  /** Per-PDF time limit in seconds, and memory cap of the PDF reader in MB. */
  timeout?: number;
  maxMemory?: number;
}

export class UsageError extends Error {}

/** Output names: the input's path under its root without extension; inputs that would collide keep theirs. */
export function outputNames(files: InputFile[]): Map<InputFile, string> {
  const stem = (f: InputFile) => {
    const rel = f.path === "-" ? "stdin" : relativeName(f);
    return join(dirname(rel), basename(rel, extname(rel)));
  };
  const count = new Map<string, number>();
  for (const f of files) count.set(stem(f).toLowerCase(), (count.get(stem(f).toLowerCase()) ?? 0) + 1);
  return new Map(files.map((f) => {
    const s = stem(f);
    return [f, (count.get(s.toLowerCase()) ?? 0) > 1 ? `${s}${extname(f.path).toLowerCase()}` : s];
  }));
}

function reason(e: unknown, debug: boolean): { code: string; message: string } {
  if (e instanceof InputError) return { code: e.code, message: e.message };
  const err = e as Error;
  return { code: "internal-error", message: debug ? String(err.stack ?? err) : err.message };
}

/** `protokoll parse`: every input is parsed on its own; a failing input is reported and the rest go on. */
export async function runParse(inputs: string[], opts: ParseCommandOptions, io: Io): Promise<number> {
  if (opts.format === "csv" && !opts.out) throw new UsageError("--format csv writes one file per table: give --out DIR");
  const { files, problems } = expandInputs(inputs);
  if (files.length === 0 && problems.length === 0) throw new UsageError("no input files found");
  if (files.length > 1 && !opts.out && opts.format === "json") {
    throw new UsageError("several inputs: give --out DIR, or --format ndjson to stream them to standard output");
  }
  let failed = 0;
  for (const p of problems) {
    io.stderr.write(`protokoll: ${p.path}: ${p.message} (${p.code})\n`);
    if (p.code !== "not-a-regular-file") failed++;
  }
  const names = outputNames(files);
  const tables = emptyTables();
  let done = 0;
  let pool: PdfPool | null = null;
  const readPdf = (bytes: Uint8Array) => {
    pool ??= new PdfPool({ timeoutMs: (opts.timeout ?? 60) * 1000, memoryMb: opts.maxMemory ?? 1024 });
    return pool.read(bytes);
  };
  try {
  for (const f of files) {
    const label = f.path === "-" ? "<stdin>" : f.path;
    try {
      const bytes = f.path === "-" ? await io.readStdin() : io.readFile(f.path);
      const doc = await ingestAsync(label, bytes, { readPdf });
      const { output, text } = parseDocument(doc);
      const name = names.get(f)!;
      if (opts.format === "csv") addToTables(tables, output);
      else if (opts.format === "ndjson" && !opts.out) io.stdout.write(toNdjsonLine(output));
      else if (opts.out) io.writeFile(join(opts.out, `${name}.${opts.format === "ndjson" ? "ndjson" : "json"}`), opts.format === "ndjson" ? toNdjsonLine(output) : toJson(output));
      else io.stdout.write(toJson(output));
      if (opts.emitText && opts.out) io.writeFile(join(opts.out, `${name}.txt`), text);
      for (const w of output.warnings.filter((x) => x.severity === "warning")) {
        if (!opts.quiet) io.stderr.write(`protokoll: ${label}${w.line ? `:${w.line}` : ""}: warning: ${w.message} (${w.code})\n`);
      }
      done++;
    } catch (e) {
      const r = reason(e, !!opts.debug);
      io.stderr.write(`protokoll: ${label}: ${r.message} (${r.code})\n`);
      failed++;
    }
  }
  } finally {
    await (pool as PdfPool | null)?.close();
  }
  if (opts.format === "csv" && opts.out) {
    for (const t of tables) io.writeFile(join(opts.out, `${t.name}.csv`), tableToCsv(t));
  }
  if (!opts.quiet && files.length > 1) io.stderr.write(`protokoll: ${done} of ${files.length} inputs parsed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}
