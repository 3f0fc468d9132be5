import { createHash } from "node:crypto";
import { accessSync, constants, mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import type { CsvDialect } from "../../export/csv.js";
import { toJson, toNdjsonLine } from "../../export/json.js";
import { openTableSink } from "../../export/sinks.js";
import type { Output } from "../../model/schema.js";
import { InputError } from "../../types.js";
import { VERSION } from "../../version.js";
import { ProcessPool } from "../../workers/process-pool.js";
import type { Io } from "../io.js";
import { ParseCache, toolFingerprint, type Cached } from "./cache.js";
import { expandInputs, inShard, readFileList, relativeName, type InputFile, type Skipped } from "./inputs.js";
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
  jobs: number;
  report?: string;
  strict?: boolean;
  force?: boolean;
  cache: boolean;
  csvDialect: CsvDialect;
  shard: { k: number; n: number } | null;
  filesFrom?: string;
  nul?: boolean;
}

export class UsageError extends Error {}
/** The output folder or a file in it cannot be written: exit 3. */
export class OutputError extends Error {}

const WORKER = fileURLToPath(new URL("../../../dist/cli/batch/worker.js", import.meta.url));

interface Result {
  file: InputFile;
  label: string;
  value: Cached | null;
  cached: boolean;
  error: { code: string; message: string } | null;
  ms: number;
  sha256?: string;
  /** Raised outside the parse, such as a failed cache write. */
  warnings?: Array<{ code: string; message: string }>;
}

function isWriteError(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException)?.code;
  return code === "EACCES" || code === "EPERM" || code === "ENOSPC" || code === "EROFS" || code === "ENOTDIR" || code === "EEXIST" || code === "EISDIR";
}

/** `protokoll parse` over any number of inputs: a pool of child processes, results in input order. */
export async function runBatch(inputs: string[], opts: BatchOptions, io: Io, signal?: AbortSignal): Promise<number> {
  if ((opts.format === "csv" || opts.format === "sqlite") && !opts.out) throw new UsageError(`--format ${opts.format} writes tables: give --out DIR`);
  const listed = opts.filesFrom ? readFileList(opts.filesFrom, !!opts.nul, () => readFileSync(0)) : [];
  const all = [...inputs, ...listed];
  if (all.length === 0) throw new UsageError("no inputs: give files, folders, globs, - or --files-from FILE");
  const expanded = expandInputs(all);
  const files = expanded.files.filter((f) => inShard(f.path, opts.shard));
  const skipped = expanded.skipped.filter((s) => inShard(s.path, opts.shard));
  if (files.length > 1 && !opts.out && opts.format === "json") {
    throw new UsageError("several inputs: give --out DIR, or --format ndjson to stream them to standard output");
  }
  if (opts.out) {
    try {
      mkdirSync(opts.out, { recursive: true });
      accessSync(opts.out, constants.W_OK);
    } catch (e) {
      throw new OutputError(`cannot write to ${opts.out}: ${(e as Error).message}`);
    }
  }
  const started = Date.now();
  const names = outputNames(files);
  const report: ReportLine[] = [];
  const say = (s: string) => io.stderr.write(`protokoll: ${s}\n`);
  for (const s of skipped) {
    report.push(failLine(s.path, s.code === "not-found" || s.code === "unreadable" ? "error" : "skipped", s.code, s.message));
    say(`${s.path}: ${s.message} (${s.code})`);
  }
  // Every input, parsed, failed or skipped, is one row of the `documents` table.
  const tables = opts.format === "csv" || opts.format === "sqlite" ? await openTableSink(opts.format, opts.out!, opts.csvDialect) : null;
  for (const s of skipped) {
    const status = s.code === "not-found" || s.code === "unreadable" ? "error" : "skipped";
    tables?.add({ path: s.path, sha256: null, status, code: s.code, message: s.message, output: null, warnings: [] });
  }
  const cache = opts.out && opts.cache ? new ParseCache(join(opts.out, ".protokoll-cache"), toolFingerprint(VERSION), JSON.stringify({ v: 1 })) : null;
  let pool: ProcessPool<{ label: string; bytes: Uint8Array }, Cached> | null = null;
  const progress = new Progress(io.stderr, files.length, !opts.quiet);
  let interrupted = false;
  signal?.addEventListener("abort", () => {
    interrupted = true;
    void pool?.close();
  });

  const work = async (file: InputFile): Promise<Result> => {
    const label = file.path === "-" ? "<stdin>" : file.path;
    const t0 = performance.now();
    const base: { file: InputFile; label: string; cached: boolean; sha256?: string } = { file, label, cached: false };
    try {
      const bytes = file.path === "-" ? await io.readStdin() : io.readFile(file.path);
      const sha = createHash("sha256").update(bytes).digest("hex");
      base.sha256 = sha;
      const hit = !opts.force && cache ? cache.get(sha) : null;
      if (hit) {
        hit.output.source.path = label;
        return { ...base, value: hit, cached: true, error: null, ms: performance.now() - t0 };
      }
      pool ??= new ProcessPool({ worker: WORKER, size: opts.jobs, timeoutMs: opts.timeout * 1000, memoryMb: opts.maxMemory });
      const value = await pool.run({ label, bytes });
      const notCached = cache?.put(sha, value) ?? null;
      const warnings = notCached ? [{ code: "cache-write-failed", message: notCached }] : [];
      return { ...base, value, error: null, ms: performance.now() - t0, warnings };
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const code = e instanceof InputError ? e.code : err?.code === "EISDIR" || err?.code === "EACCES" || err?.code === "ENOENT" ? "unreadable" : "internal-error";
      const message = opts.debug && !(e instanceof InputError) ? String(err?.stack ?? e) : String(err?.message ?? e);
      return { ...base, value: null, error: { code, message }, ms: performance.now() - t0 };
    }
  };

  let failed = skipped.filter((s) => s.code === "not-found" || s.code === "unreadable").length;
  let cachedCount = 0;
  const emit = (r: Result) => {
    progress.tick();
    if (r.error || !r.value) {
      failed++;
      report.push(failLine(r.label, "error", r.error!.code, r.error!.message, r.ms));
      say(`${r.label}: ${r.error!.message} (${r.error!.code})`);
      tables?.add({ path: r.label, sha256: r.sha256 ?? null, status: "error", code: r.error!.code, message: r.error!.message, output: null, warnings: [] });
      return;
    }
    const { output, text } = r.value;
    if (r.cached) cachedCount++;
    const name = names.get(r.file)!;
    const extra = [...(name.collided ? [{ code: "name-collision", message: `another input has the same name; written as ${name.stem}` }] : []), ...(r.warnings ?? [])];
    const line = okLine(r.label, output, r.cached, r.ms, extra);
    const notWritten = tables?.add({ path: r.label, sha256: output.source.sha256, status: line.status === "warning" ? "warning" : "ok", code: line.code ?? null, message: line.message ?? null, output, warnings: extra });
    if (notWritten) extra.push({ code: "sqlite-insert-failed", message: notWritten });
    report.push(notWritten ? okLine(r.label, output, r.cached, r.ms, extra) : line);
    if (!opts.quiet) for (const w of [...extra, ...output.warnings.filter((x) => x.severity === "warning")]) say(`${r.label}: warning: ${w.message} (${w.code})`);
    writeOutputs(output, text, name.stem);
  };
  const writeOutputs = (output: Output, text: string, stem: string) => {
    if (tables) {
      // Written by the table sink in emit().
    } else if (opts.format === "ndjson" && !opts.out) io.stdout.write(toNdjsonLine(output));
    else if (opts.out) io.writeFile(join(opts.out, `${stem}.${opts.format === "ndjson" ? "ndjson" : "json"}`), opts.format === "ndjson" ? toNdjsonLine(output) : toJson(output));
    else io.stdout.write(toJson(output));
    if (opts.emitText && opts.out) io.writeFile(join(opts.out, `${stem}.txt`), text);
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
    await (pool as ProcessPool<unknown, unknown> | null)?.close();
    if (isWriteError(e)) throw new OutputError(`cannot write the output: ${(e as Error).message}`);
    throw e;
  }
  await (pool as ProcessPool<unknown, unknown> | null)?.close();
  progress.end();
  if (interrupted) {
    tables?.abort();
    say("interrupted; no table was written");
    return 130;
  }
  try {
    tables?.finish();
    if (opts.report) io.writeFile(opts.report, report.map((l) => JSON.stringify(l)).join("\n") + (report.length ? "\n" : ""));
  } catch (e) {
    if (isWriteError(e)) throw new OutputError(`cannot write the output: ${(e as Error).message}`);
    throw e;
  }
  const parsed = files.length - (failed - skipped.filter((s) => s.code === "not-found" || s.code === "unreadable").length);
  const skippedCount = skipped.length - skipped.filter((s) => s.code === "not-found" || s.code === "unreadable").length;
  if (!opts.quiet && (files.length + skipped.length > 1 || failed > 0)) {
    say(`${files.length + skipped.length} inputs: ${parsed} parsed (${cachedCount} from the cache), ${failed} failed, ${skippedCount} skipped, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return opts.strict && failed > 0 ? 1 : 0;
}

export type { Skipped };
export { relativeName };
