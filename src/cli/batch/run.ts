import { createHash } from "node:crypto";
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, realpathSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { dirname, join, relative, resolve } from "node:path";
import { detectFormat } from "../../ingest/read.js";
import type { CsvDialect } from "../../export/csv.js";
import { InputError } from "../../types.js";
import { VERSION } from "../../version.js";
import { packageUrl } from "../../package-root.js";
import { ProcessPool } from "../../workers/process-pool.js";
import { DEFAULT_ENGINE, type PdfEngineName } from "../../ingest/pdf/engine-name.js";
import { pdfEngineKey } from "../../ingest/pdf/engine.js";
import type { BatchTask } from "./worker.js";
import type { Io } from "../io.js";
import { ParseCache, toolFingerprint } from "./cache.js";
import { outputOf, serializeParse, type SerializedParse, type Serializations } from "./parsed.js";
import { escapeControls } from "./escape.js";
import { expandInputs, FileListTooLarge, inShard, OUTPUT_MARKER, readFileList, type InputFile, type Skipped } from "./inputs.js";
import { DEFAULT_MAX_SIZE_MB, readInputFile } from "./read.js";
import { findStale, prune } from "./stale.js";
import { outputNames } from "./names.js";
import { Progress } from "./progress.js";
import { failLine, okLine, type ReportLine } from "./report.js";

export interface BatchOptions {
  out?: string;
  format: "json" | "ndjson" | "csv" | "sqlite";
  emitText?: boolean;
  quiet?: boolean;
  debug?: boolean;
  timeout: number;
  maxMemory: number;
  /** PDF engine (pdfjs, poppler, auto); pdftotext runs under the same timeout and memory cap. */
  engine?: PdfEngineName;
  jobs: number;
  report?: string;
  strict?: boolean;
  force?: boolean;
  cache: boolean;
  csvDialect: CsvDialect;
  /** --csv-dialect was given (it needs --format csv). */
  csvDialectGiven?: boolean;
  /** --evidence: an evidence column in the CSV and SQLite tables (the JSON always has it). */
  evidence?: boolean;
  shard: { k: number; n: number } | null;
  filesFrom?: string;
  nul?: boolean;
  exclude?: string[];
  followLinks?: boolean;
  /** --max-size in MB: larger inputs are limit-exceeded unread. */
  maxSize?: number;
  prune?: boolean;
}

export class UsageError extends Error {}
/** The output folder or a file in it cannot be written: exit 3. */
export class OutputError extends Error {}

const WORKER = fileURLToPath(packageUrl("dist/cli/batch/worker.js"));

interface Result {
  file: InputFile;
  label: string;
  value: SerializedParse | null;
  cached: boolean;
  error: { code: string; message: string } | null;
  ms: number;
  sha256?: string;
  /** Raised outside the parse, such as a failed cache write. */
  warnings?: Array<{ code: string; message: string }>;
}

/**
 * With a pool, this process only routes: it receives each file's result and writes it. Every result
 * is garbage once written, and V8 grows the young generation to up to 16 MB semi-spaces for such
 * traffic; kept at its first size it holds about 25 MB less at peak (bench/ small PDFs, --jobs 2:
 * 95 → 70 MB for this process, the tree 400 → 371 MB) for scavenges the router can afford.
 * The CLI's own process only: a library user's process keeps its V8 settings.
 */
function keepYoungGenerationSmall(): void {
  setFlagsFromString("--semi-space-growth-factor=1");
}

function isWriteError(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException)?.code;
  return code === "EACCES" || code === "EPERM" || code === "ENOSPC" || code === "EROFS" || code === "ENOTDIR" || code === "EEXIST" || code === "EISDIR" || code === "EIO";
}

/** `protokoll parse` over any number of inputs: a pool of child processes, results in input order. */
export async function runBatch(inputs: string[], opts: BatchOptions, io: Io, signal?: AbortSignal): Promise<number> {
  if ((opts.format === "csv" || opts.format === "sqlite") && !opts.out) throw new UsageError(`--format ${opts.format} writes tables: give --out DIR`);
  if (opts.csvDialectGiven && opts.format !== "csv") throw new UsageError("--csv-dialect applies to --format csv only");
  if (opts.evidence && opts.format !== "csv" && opts.format !== "sqlite") throw new UsageError("--evidence adds a column to --format csv or sqlite tables (JSON and NDJSON always carry evidence)");
  if (opts.emitText && !opts.out) throw new UsageError("--emit-text writes files: give --out DIR");
  let listed: string[] = [];
  try {
    if (opts.filesFrom) listed = readFileList(opts.filesFrom, !!opts.nul);
  } catch (e) {
    if (e instanceof FileListTooLarge) throw new UsageError(`--files-from ${opts.filesFrom}: ${e.message}`);
    throw e;
  }
  const all = [...inputs, ...listed];
  if (all.length === 0) throw new UsageError("no inputs: give files, folders, globs, - or --files-from FILE");
  if (opts.out) refuseOutIsInput(opts.out, all);
  if (opts.out) prepareOut(opts.out);
  const reportFd = opts.report ? openReport(opts.report) : null;
  const expanded = expandInputs(all, {
    skipDirs: opts.out ? [opts.out] : [],
    exclude: opts.exclude ?? [],
    followLinks: !!opts.followLinks,
    literal: listed,
  });
  // Names (and the shard a file falls in) come from every input, so they agree across shards.
  const names = outputNames(expanded.files);
  const files = expanded.files.filter((f) => inShard(names.get(f)!.rel, opts.shard));
  const skipped = expanded.skipped.filter((s) => inShard(s.path, opts.shard));
  if (files.length > 1 && !opts.out && opts.format === "json") {
    throw new UsageError("several inputs: give --out DIR, or --format ndjson to stream them to standard output");
  }
  if (opts.out && opts.emitText) refuseOverwrite(opts.out, files, names);
  const started = Date.now();
  const say = (s: string) => io.stderr.write(`protokoll: ${escapeControls(s)}\n`);
  const report = (l: ReportLine) => {
    if (reportFd !== null) writeSync(reportFd, JSON.stringify(l) + "\n");
  };
  const isError = (s: Skipped) => s.code === "not-found" || s.code === "unreadable" || s.code === "no-match";
  for (const s of skipped) {
    report(failLine(s.path, isError(s) ? "error" : "skipped", s.code, s.message));
    say(`${s.path}: ${s.message} (${s.code})`);
  }
  if (expanded.files.length === 0) {
    if (reportFd !== null) closeSync(reportFd);
    say("no input to parse: the inputs given hold no .txt, .text, .md, .markdown or .pdf file");
    return 1;
  }
  // Every input, parsed, failed or skipped, is one row of the `documents` table.
  // The table writers (CSV, SQLite) are loaded only for the formats that use them.
  const tables = opts.format === "csv" || opts.format === "sqlite" ? await (await import("../../export/sinks.js")).openTableSink(opts.format, opts.out!, opts.csvDialect, { evidence: !!opts.evidence }) : null;
  for (const s of skipped) {
    tables?.add({ path: s.path, sha256: null, status: isError(s) ? "error" : "skipped", code: s.code, message: s.message, output: null, warnings: [] });
  }
  const cache = opts.out && opts.cache ? new ParseCache(join(opts.out, ".protokoll-cache"), toolFingerprint(VERSION), JSON.stringify({ v: 1, ...pdfEngineKey(opts.engine ?? DEFAULT_ENGINE) })) : null;
  let pool: ProcessPool<BatchTask, SerializedParse & { ms: number }> | null = null;
  const progress = new Progress(io.stderr, files.length, !opts.quiet);
  // An interrupt that came while the run was starting (the table writers load lazily) counts too:
  // the abort event has fired already and will not fire again.
  let interrupted = signal?.aborted ?? false;
  signal?.addEventListener("abort", () => {
    interrupted = true;
    void pool?.close();
  });

  const newPool = () => {
    keepYoungGenerationSmall();
    return new ProcessPool<BatchTask, SerializedParse & { ms: number }>({ worker: WORKER, size: opts.jobs, timeoutMs: opts.timeout * 1000, memoryMb: opts.maxMemory });
  };
  const maxBytes = (opts.maxSize ?? DEFAULT_MAX_SIZE_MB) * 1024 * 1024;
  const slots = new Slots(opts.jobs);
  // JSON files or JSON on standard output are written as toJson makes them; NDJSON, the cache and the tables use the compact form.
  const want: Serializations = { pretty: opts.format === "json", compact: opts.format !== "json" || cache !== null };
  const work = (file: InputFile): Promise<Result> => slots.run(() => parseOne(file));
  // Runs inside a slot: at most --jobs files are read and held at once, and the time is the file's own.
  const parseOne = async (file: InputFile): Promise<Result> => {
    const label = file.path === "-" ? "<stdin>" : file.path;
    const t0 = performance.now();
    const base: { file: InputFile; label: string; cached: boolean; sha256?: string } = { file, label, cached: false };
    try {
      if (names.get(file)!.taken) throw new InputError("name-collision", `another input already has the output name ${names.get(file)!.stem}; not written`);
      const bytes = file.path === "-" ? await io.readStdin(maxBytes) : readInputFile(file.fsPath, maxBytes);
      const sha = createHash("sha256").update(bytes).digest("hex");
      base.sha256 = sha;
      const format = detectFormat(label, bytes);
      const hit = !opts.force && cache ? cache.get(sha, format) : null;
      if (hit) {
        hit.output.source.path = label;
        return { ...base, value: serializeParse(hit.output, hit.text, want), cached: true, error: null, ms: performance.now() - t0 };
      }
      const readMs = performance.now() - t0;
      // A lone text or Markdown input parses here: a worker's start-up (its own module loading)
      // would cost more than the file. PDFs always go to a worker, under the memory cap.
      const { ms, ...value } = files.length === 1 && format !== "pdf" ? await parseInProcess(label, bytes, want) : await (pool ??= newPool()).run({ label, bytes, pdf: { engine: opts.engine ?? DEFAULT_ENGINE, child: { timeoutMs: opts.timeout * 1000, memoryMb: opts.maxMemory } }, want });
      const notCached = cache?.put(sha, format, value) ?? null;
      const warnings = notCached ? [{ code: "cache-write-failed", message: notCached }] : [];
      return { ...base, value, error: null, ms: readMs + ms, warnings };
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const code = e instanceof InputError ? e.code : err?.code === "EISDIR" || err?.code === "EACCES" || err?.code === "ENOENT" ? "unreadable" : "internal-error";
      const message = opts.debug && !(e instanceof InputError) ? String(err?.stack ?? e) : String(err?.message ?? e);
      return { ...base, value: null, error: { code, message }, ms: performance.now() - t0 };
    }
  };

  let failed = skipped.filter(isError).length;
  const written = new Set<string>();
  let cachedCount = 0;
  const emit = (r: Result) => {
    progress.tick();
    if (r.error || !r.value) {
      failed++;
      report(failLine(r.label, "error", r.error!.code, r.error!.message, r.ms));
      say(`${r.label}: ${r.error!.message} (${r.error!.code})`);
      tables?.add({ path: r.label, sha256: r.sha256 ?? null, status: "error", code: r.error!.code, message: r.error!.message, output: null, warnings: [] });
      return;
    }
    const parsed = r.value;
    const { summary } = parsed;
    if (r.cached) cachedCount++;
    const name = names.get(r.file)!;
    const extra = [...(name.collided ? [{ code: "name-collision", message: `another input has the same name; written as ${name.stem}` }] : []), ...(r.warnings ?? [])];
    // A per-file output that cannot be written (a full disk) fails this input only; the run goes on.
    let writeError: string | null = null;
    try {
      writeOutputs(parsed, name.stem);
    } catch (e) {
      if (!isWriteError(e)) throw e;
      writeError = `its output could not be written: ${(e as Error).message}`;
    }
    if (writeError && !tables) {
      failed++;
      report(failLine(r.label, "error", "output-write-failed", writeError, r.ms));
      say(`${r.label}: ${writeError} (output-write-failed)`);
      return;
    }
    if (writeError) extra.push({ code: "output-write-failed", message: writeError });
    const line = okLine(r.label, summary, r.cached, r.ms, extra);
    if (tables) {
      const output = outputOf(parsed);
      const notWritten = tables.add({ path: r.label, sha256: output.source.sha256, status: line.status === "warning" ? "warning" : "ok", code: line.code ?? null, message: line.message ?? null, output, warnings: extra });
      if (notWritten) extra.push({ code: "sqlite-insert-failed", message: notWritten });
      report(notWritten ? okLine(r.label, summary, r.cached, r.ms, extra) : line);
    } else report(line);
    if (!opts.quiet) for (const w of [...extra, ...summary.warnings]) say(`${r.label}: warning: ${w.message} (${w.code})`);
  };
  const writeOutputs = ({ compact, pretty: json, text }: SerializedParse, stem: string) => {
    // With tables, the table sink wrote the document in emit(). JSON is made when the run writes it.
    if (!tables) {
      const data = opts.format === "ndjson" ? `${compact}\n` : json!;
      if (opts.out) writeBelowOut(`${stem}.${opts.format === "ndjson" ? "ndjson" : "json"}`, data);
      else io.stdout.write(data);
    }
    if (opts.emitText && opts.out) writeBelowOut(`${stem}.txt`, text);
  };
  const writeBelowOut = (name: string, data: string) => {
    const path = join(opts.out!, name);
    // Names never climb out of --out (they are relative to the inputs' common ancestor); a last guard.
    if (relative(resolve(opts.out!), resolve(path)).startsWith("..")) throw new Error(`refusing to write outside --out: ${name}`);
    io.writeFile(path, data);
    written.add(resolve(path));
  };

  // At most a few files per worker are read ahead; results are written strictly in input order.
  const window = Math.max(2, opts.jobs * 4);
  const pending = new Map<number, Promise<Result>>();
  let next = 0;
  try {
    for (let i = 0; i < files.length || pending.size > 0; ) {
      if (interrupted) break;
      while (i < files.length && pending.size < window) {
        pending.set(i, work(files[i]!));
        i++;
      }
      const r = await pending.get(next)!;
      pending.delete(next);
      next++;
      if (interrupted) break;
      emit(r);
    }
  } catch (e) {
    tables?.abort();
    if (reportFd !== null) closeSync(reportFd);
    await (pool as ProcessPool<unknown, unknown> | null)?.close();
    if (isWriteError(e)) throw new OutputError(`cannot write the output: ${(e as Error).message}`);
    throw e;
  }
  await (pool as ProcessPool<unknown, unknown> | null)?.close();
  progress.end();
  if (reportFd !== null) closeSync(reportFd);
  if (interrupted) {
    tables?.abort();
    say("interrupted; no table was written");
    return 130;
  }
  try {
    tables?.finish();
  } catch (e) {
    if (isWriteError(e)) throw new OutputError(`cannot write the output: ${(e as Error).message}`);
    throw e;
  }
  const parsed = files.length - (failed - skipped.filter(isError).length);
  const skippedCount = skipped.length - skipped.filter(isError).length;
  // Outputs of inputs no longer in the archive: only a whole, unsharded run knows which those are.
  if (opts.out && !tables && !opts.shard) {
    const exts = [opts.format === "ndjson" ? ".ndjson" : ".json", ...(opts.emitText ? [".txt"] : [])];
    const stale = findStale(opts.out, exts, written, opts.report ? [resolve(opts.report)] : []);
    if (stale.length && opts.prune) {
      prune(opts.out, stale);
      if (!opts.quiet) say(`removed ${stale.length} stale output${stale.length > 1 ? "s" : ""} (--prune)`);
    } else if (stale.length) say(`${stale.length} output${stale.length > 1 ? "s" : ""} in ${opts.out} belong to no input of this run (e.g. ${relative(opts.out, stale[0]!)}); --prune removes them`);
  }
  if (!opts.quiet && (files.length + skipped.length > 1 || failed > 0)) {
    say(`${files.length + skipped.length} inputs: ${parsed} parsed (${cachedCount} from the cache), ${failed} failed, ${skippedCount} skipped, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (parsed === 0 && failed > 0) return 1;
  return opts.strict && failed > 0 ? 1 : 0;
}

/** One text or Markdown input parsed in this process; the pipeline is loaded only when needed. */
async function parseInProcess(label: string, bytes: Uint8Array, want: Serializations): Promise<SerializedParse & { ms: number }> {
  const [{ ingestAsync }, { parseDocument }] = await Promise.all([import("../../ingest/read.js"), import("../../parse-document.js")]);
  // Timed after loading, like a worker's task: the report's ms is the file's own time.
  const t0 = performance.now();
  const { output, text } = parseDocument(await ingestAsync(label, bytes));
  return { ...serializeParse(output, text, want), ms: performance.now() - t0 };
}

/** At most n tasks at once, in the order they were asked for. */
class Slots {
  private free: number;
  private readonly waiting: Array<() => void> = [];
  constructor(n: number) { this.free = Math.max(1, n); }
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((r) => this.waiting.push(r));
    try { return await task(); } finally {
      const next = this.waiting.shift();
      if (next) next(); else this.free++;
    }
  }
}

function realOrResolved(p: string): string {
  try { return realpathSync(p); } catch { return resolve(p); }
}

/** --out that is an input folder or file would mix outputs with sources (and overwrite them with --emit-text). */
function refuseOutIsInput(out: string, inputs: string[]): void {
  const o = realOrResolved(out);
  for (const a of inputs) {
    if (a === "-") continue;
    if (realOrResolved(a) === o) throw new UsageError(`--out ${out} is an input; choose another folder, outputs never go over inputs`);
  }
}

/** With --emit-text, <name>.txt could land on a source .txt: refuse before writing anything. */
function refuseOverwrite(out: string, files: InputFile[], names: Map<InputFile, { stem: string }>): void {
  const sources = new Set(files.filter((f) => f.path !== "-").map((f) => realOrResolved(f.path)));
  for (const f of files) {
    const target = realOrResolved(join(out, `${names.get(f)!.stem}.txt`));
    if (sources.has(target)) throw new UsageError(`--emit-text would write ${target} over an input; choose another --out`);
  }
}

/** Creates --out and checks it is writable; a tree such as /proc fails here, fast, with exit 3. */
function prepareOut(out: string): void {
  try {
    makeFolders(out);
    accessSync(out, constants.W_OK);
    const probe = join(out, `.protokoll-probe-${process.pid}`);
    closeSync(openSync(probe, "w"));
    rmSync(probe);
    // Marks the folder as output, so a later run over an archive holding it does not read it as input.
    const marker = join(out, OUTPUT_MARKER);
    if (!existsSync(marker)) writeFileSync(marker, "This folder was written by protokoll (an output folder); protokoll never reads it as input.\n");
  } catch (e) {
    throw new OutputError(`cannot write to ${out}: ${(e as Error).message}`);
  }
}

/**
 * mkdir -p one level at a time: Node's recursive mkdir retries forever under /proc (ENOENT from a
 * folder that exists but takes no children); a plain mkdir fails at once.
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) missing.unshift(d);
  for (const d of missing) mkdirSync(d);
}

/** The report is opened before any parsing, so an unwritable path fails at once (exit 3). */
function openReport(path: string): number {
  try {
    return openSync(path, "w");
  } catch (e) {
    throw new OutputError(`cannot write the report ${path}: ${(e as Error).message}`);
  }
}

export type { Skipped };
