import { join } from "node:path";
import { loadLexicon } from "../../lexicon/load.js";
import type { FileEntry } from "../../review/entry.js";
import { renderIndexPage } from "../../review/index-page.js";
import { renderDocumentPage } from "../../review/page.js";
import { OutputError, UsageError } from "../batch/run.js";
import type { Io } from "../io.js";
import { failedFromReport, filesOfInputs, filesOfRun, type RunFile } from "./runs.js";

export interface ReviewOptions {
  out: string;
  from?: string;
  report?: string;
  quiet?: boolean;
}

/** pages/<stem>.html, each path segment URL-encoded for the link. */
function pageHref(stem: string): string {
  return ["pages", ...stem.split(/[\\/]/).map(encodeURIComponent)].join("/") + ".html";
}

/** `protokoll review`: one HTML page per input plus index.html, from a past run (--from) or from inputs parsed now. */
export async function runReview(inputs: string[], opts: ReviewOptions, io: Io): Promise<number> {
  if (opts.from && inputs.length) throw new UsageError("give inputs or --from OUTDIR, not both");
  if (!opts.from && !inputs.length) throw new UsageError("no inputs: give files, folders, globs, or --from OUTDIR (a parse --out folder)");
  if (opts.report && !opts.from) throw new UsageError("--report adds the failed inputs of a past run: use it with --from");
  const lex = loadLexicon();
  const t0 = performance.now();
  const entries: FileEntry[] = [];
  const write = (name: string, html: string) => {
    try {
      io.writeFile(join(opts.out, name), html);
    } catch (e) {
      throw new OutputError(`cannot write ${join(opts.out, name)}: ${(e as Error).message}`);
    }
  };
  const files: Iterable<RunFile> | AsyncIterable<RunFile> = opts.from ? filesOfRun(opts.from, lex) : filesOfInputs(inputs, lex, [opts.out]);
  for await (const f of files) {
    if (f.entry.output) {
      const href = pageHref(f.stem);
      const depth = href.split("/").length - 1;
      write(href.split("/").map(decodeURIComponent).join("/"), renderDocumentPage({ output: f.entry.output, text: f.text, flags: f.entry.flags, indexHref: `${"../".repeat(depth)}index.html` }));
      f.entry.href = href;
    }
    entries.push(f.entry);
  }
  if (opts.report) entries.push(...failedFromReport(opts.report));
  if (!entries.length) {
    io.stderr.write(`protokoll: no parse output found${opts.from ? ` in ${opts.from}` : ""}\n`);
    return 1;
  }
  write("index.html", renderIndexPage(entries, `protokoll review: ${opts.from ?? inputs.join(" ")}`));
  if (!opts.quiet) {
    const pages = entries.filter((e) => e.href).length;
    io.stderr.write(`protokoll: ${pages} review pages and ${join(opts.out, "index.html")} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  return entries.some((e) => e.output) ? 0 : 1;
}
