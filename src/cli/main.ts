import { Command, CommanderError, InvalidArgumentError } from "commander";
import { availableParallelism } from "node:os";
import { OutputError, runParse, UsageError, type ParseCommandOptions } from "./commands/parse.js";
import type { Io } from "./io.js";
import { DEFAULT_MAX_SIZE_MB } from "./batch/read.js";
import { VERSION } from "../version.js";
import { DEFAULT_ENGINE, PDF_ENGINES, type PdfEngineName } from "../ingest/pdf/engine-name.js";

const EXAMPLES = `
Examples:
  $ protokoll parse minutes.txt                      JSON for one file on standard output
  $ protokoll parse archive/ --out out/              one JSON file per input, folders mirrored
  $ protokoll parse archive/ --out out/ --format csv  one CSV table per entity, joined by ids
  $ cat minutes.txt | protokoll parse -              read standard input
  $ protokoll parse a.txt b.md --format ndjson       one JSON document per line on standard output
  $ protokoll schema > output.schema.json            the JSON Schema of the output
  $ protokoll review archive/ --out review/            HTML pages with every fact highlighted, and an index
  $ protokoll review --from out/ --out review/         the same from a past run (parse --out out/ --emit-text)
  $ protokoll stats out/                             a run's summary; --json for JSON
  $ protokoll link out/ --as-of 2025-01-01           persons, follow-up statuses and cases across the run's meetings
  $ protokoll parse archive/ --out out/ --link       parse, then link the run

  $ protokoll parse archive/ --out out/ --format sqlite --report run.ndjson --jobs 4
  $ find archive -name '*.pdf' -print0 | protokoll parse --files-from - -0 --out out/
  $ protokoll parse 'archive/**/*.PDF' --out out/ --shard 2/8   one eighth of the archive, on machine 2

Exit codes:
  0    run completed; files that failed are in the report and on standard error
  1    no input could be parsed (a single input that failed, a folder or glob with no input),
       or, with --strict, any input failed
  2    usage error (bad option or value)
  3    the output (--out, --report) cannot be written
  130  interrupted (Ctrl-C, SIGTERM); no table is written`;

function positive(v: string, name: string, max: number): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > max) throw new InvalidArgumentError(`${name} takes a positive number up to ${max}`);
  return n;
}

/** setTimeout holds at most 2^31-1 ms; a longer timeout would overflow to 1 ms and stop every file. */
const MAX_TIMEOUT_S = Math.floor(2147483647 / 1000);
/** 1 TiB: far above any machine, low enough for Node's --max-old-space-size. */
const MAX_MEMORY_MB = 1024 * 1024;

function oneOf(v: string, name: string, allowed: readonly string[]): string {
  const x = v.toLowerCase();
  if (!allowed.includes(x)) throw new InvalidArgumentError(`${name} takes one of ${allowed.join(", ")} (any case)`);
  return x;
}

function shardOf(v: string): { k: number; n: number } {
  const m = /^(\d+)\/(\d+)$/.exec(v);
  const k = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || n < 1 || k < 1 || k > n) throw new InvalidArgumentError("--shard takes K/N with 1 ≤ K ≤ N, e.g. 2/8");
  return { k, n };
}

/** Builds the program, runs it on argv and returns the exit code; never calls process.exit. */
export async function main(argv: string[], io: Io, signal?: AbortSignal): Promise<number> {
  let code = 0;
  const program = new Command()
    .name("protokoll")
    .description("Turn Swedish meeting minutes (protokoll, minnesanteckningar, kallelser, protokollsutdrag) into structured data.")
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError("(run with --help for usage)");
  program
    .command("parse")
    .description("parse minutes (text, Markdown, PDF) into JSON, NDJSON, CSV or SQLite")
    .argument("[inputs...]", "files, folders (searched recursively), globs; - reads standard input")
    .option("-o, --out <dir>", "write <name>.json per input (mirroring folders), or the tables, into this folder")
    .option("-f, --format <format>", "output format: json, ndjson, csv or sqlite (any case; csv and sqlite need --out)", (v) => oneOf(v, "--format", ["json", "ndjson", "csv", "sqlite"]), "json")
    .option("--csv-dialect <dialect>", "with --format csv: rfc (comma, LF; the default) or excel (semicolon, UTF-8 BOM, CRLF, formulas neutralised)", (v) => oneOf(v, "--csv-dialect", ["rfc", "excel"]))
    .option("--evidence", "with --format csv or sqlite: add an evidence column (the rule ids behind each fact; JSON always has them)")
    .option("-j, --jobs <n>", "files parsed at once (child processes)", (v) => Math.floor(positive(v, "--jobs", 256)), availableParallelism())
    .option("--report <file>", "write one NDJSON line per input: path, status, code, message, cached, counts, quality (flags per rule), ms")
    .option("--strict", "exit 1 when any input failed")
    .option("--force", "parse every input again, ignoring the cache")
    .option("--no-cache", "neither read nor write the cache (<out>/.protokoll-cache)")
    .option("--files-from <file>", "read input paths from a file, one per line (- for standard input)")
    .option("-0, --null", "with --files-from: paths are separated by NUL bytes (find -print0)")
    .option("--shard <k/n>", "parse only the k-th of n stable parts of the inputs", shardOf)
    .option("--exclude <glob>", "skip files and folders matching the glob (below the input folder; a glob without / matches names); repeatable", (v: string, prev: string[] = []) => [...prev, v])
    .option("--follow-links", "also follow symbolic links that lead outside the input folders (skipped as link-outside-input otherwise)")
    .option("--max-size <MB>", `inputs larger than this are limit-exceeded, unread (default ${DEFAULT_MAX_SIZE_MB})`, (v) => positive(v, "--max-size", MAX_MEMORY_MB), DEFAULT_MAX_SIZE_MB)
    .option("--prune", "with --out: remove outputs whose input is gone (they are only counted otherwise)")
    .option("--emit-text", "with --out: also write <name>.txt, the canonical text every span points into")
    .option("-q, --quiet", "no warnings or summary on standard error")
    .option("--debug", "show stack traces for internal errors")
    .option("--timeout <seconds>", `stop parsing any input (text, Markdown or PDF) after this many seconds: limit-exceeded (at most ${MAX_TIMEOUT_S})`, (v) => positive(v, "--timeout", MAX_TIMEOUT_S), 60)
    .option("--link", "with --out (JSON): link persons, follow-ups and cases across the run's outputs afterwards (as protokoll link OUT)")
    .option("--as-of <date>", "with --link: the day overdue and open follow-ups are judged on (default: today)")
    .option("--engine <engine>", "PDF engine: pdfjs, poppler (pdftotext, falling back to pdf.js for what it cannot read) or auto (poppler when pdftotext is on PATH and the file is not encrypted)", (v) => oneOf(v, "--engine", [...PDF_ENGINES]), DEFAULT_ENGINE)
    .option("--max-memory <MB>", `stop parsing an input whose reader process uses more resident memory: limit-exceeded (at most ${MAX_MEMORY_MB}). The resident size is read from /proc (Linux); elsewhere only the reader's heap limit (3/4 of it) applies`, (v) => positive(v, "--max-memory", MAX_MEMORY_MB), 1024)
    .addHelpText("after", EXAMPLES)
    .action(async (inputs: string[], o: Record<string, unknown>) => {
      const opts: ParseCommandOptions = {
        ...(o.out ? { out: String(o.out) } : {}),
        format: o.format as ParseCommandOptions["format"],
        emitText: !!o.emitText,
        quiet: !!o.quiet,
        debug: !!o.debug,
        timeout: Number(o.timeout),
        maxMemory: Number(o.maxMemory),
        engine: o.engine as PdfEngineName,
        jobs: Number(o.jobs),
        ...(o.report ? { report: String(o.report) } : {}),
        strict: !!o.strict,
        force: !!o.force,
        cache: o.cache !== false,
        csvDialect: (o.csvDialect as ParseCommandOptions["csvDialect"] | undefined) ?? "rfc",
        csvDialectGiven: o.csvDialect !== undefined,
        evidence: !!o.evidence,
        shard: (o.shard as ParseCommandOptions["shard"]) ?? null,
        ...(o.filesFrom ? { filesFrom: String(o.filesFrom) } : {}),
        nul: !!o.null,
        exclude: (o.exclude as string[] | undefined) ?? [],
        followLinks: !!o.followLinks,
        maxSize: Number(o.maxSize),
        prune: !!o.prune,
      };
      if (o.link && (!opts.out || opts.format !== "json")) throw new UsageError("--link links the JSON outputs of a run: give --out DIR (and no --format)");
      if (o.asOf) (await import("./commands/link.js")).checkAsOf(String(o.asOf));
      code = await runParse(inputs, opts, io, signal);
      if (o.link && code === 0) {
        const { runLink } = await import("./commands/link.js");
        code = runLink(opts.out!, { format: "csv", csvDialect: opts.csvDialect, quiet: opts.quiet, ...(o.asOf ? { asOf: String(o.asOf) } : {}) }, io);
      }
    });
  program
    .command("link")
    .description("link a parse --out run across meetings: persons (with reasons and scores, ambiguous links refused), follow-up statuses, case histories")
    .argument("<outdir>", "a `parse --out` folder of JSON outputs")
    .option("-o, --out <dir>", "write the link tables into this folder (default: the run folder)")
    .option("-f, --format <format>", "csv (with CSVW metadata) or sqlite (the parse tables, the link tables, full-text search and views in one file)", (v) => oneOf(v, "--format", ["csv", "sqlite"]), "csv")
    .option("--csv-dialect <dialect>", "rfc (the default) or excel", (v) => oneOf(v, "--csv-dialect", ["rfc", "excel"]), "rfc")
    .option("--as-of <date>", "the day overdue and open follow-ups are judged on, YYYY-MM-DD (default: today)")
    .option("--review", "also write persons.html (each person's entries and link reasons, refused links) and cases.html (case histories, follow-up statuses)")
    .option("-q, --quiet", "no summary on standard error")
    .action(async (dir: string, o: Record<string, unknown>) => {
      const { runLink } = await import("./commands/link.js");
      code = runLink(dir, {
        format: o.format as "csv" | "sqlite",
        csvDialect: o.csvDialect as "rfc" | "excel",
        quiet: !!o.quiet,
        review: !!o.review,
        ...(o.out ? { out: String(o.out) } : {}),
        ...(o.asOf ? { asOf: String(o.asOf) } : {}),
      }, io);
    });
  program
    .command("review")
    .description("write static HTML review pages: each input's text with its facts highlighted, and an index of the run")
    .argument("[inputs...]", "files, folders, globs to parse now (or use --from)")
    .requiredOption("-o, --out <dir>", "write index.html and pages/<name>.html into this folder")
    .option("--from <outdir>", "review a past `parse --out` run: its JSON files and their --emit-text .txt files, without parsing again")
    .option("--report <file>", "with --from: also list the failed and skipped inputs of that run's --report file")
    .option("-q, --quiet", "no summary on standard error")
    .action(async (inputs: string[], o: Record<string, unknown>) => {
      const { runReview } = await import("./commands/review.js");
      code = await runReview(inputs, {
        out: String(o.out),
        ...(o.from ? { from: String(o.from) } : {}),
        ...(o.report ? { report: String(o.report) } : {}),
        quiet: !!o.quiet,
      }, io);
    });
  program
    .command("stats")
    .description("summarise a run: files by status and kind, meetings per body and year, field coverage, top warnings and quality flags")
    .argument("<outdir|inputs...>", "a `parse --out` folder, or inputs to parse now")
    .option("--json", "print the summary as JSON")
    .option("--report <file>", "also count the failed and skipped inputs of a parse --report file")
    .action(async (args: string[], o: Record<string, unknown>) => {
      const { runStatsCommand } = await import("./commands/stats.js");
      code = await runStatsCommand(args, { json: !!o.json, ...(o.report ? { report: String(o.report) } : {}) }, io);
    });
  program
    .command("schema")
    .description("print the JSON Schema of the output")
    .action(async () => {
      // Loaded on demand: zod and the schema are not needed by `parse`, whose parent process stays smaller.
      const { runSchema } = await import("./commands/schema.js");
      code = runSchema(io);
    });
  program.addHelpText("after", EXAMPLES);
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
      return 2;
    }
    if (e instanceof UsageError) {
      io.stderr.write(`protokoll: ${e.message}\n`);
      return 2;
    }
    if (e instanceof OutputError) {
      io.stderr.write(`protokoll: ${e.message}\n`);
      return 3;
    }
    throw e;
  }
}
