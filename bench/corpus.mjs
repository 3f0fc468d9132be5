// Builds (or reuses) the benchmark corpus: minutes made from the repository's fixtures, as UTF-8
// text and as PDFs typeset by groff (with a running header and footer on every page, which the
// pipeline must drop). Sizes: `large` is 1,000 files of 1–40 pages (about 10,000 pages); `small`
// is its first 100 files (1×, against the large corpus's 10×); one 1 MB single-line text.
// Nine files in ten are minutes: an opening (one of the real openings, or a seed's front matter)
// and then agenda items from the seeds' pool, renumbered (§ or "N."), until the page count is met.
// One in ten is a whole other document (a notice with an extract, a report) cut to its length: an
// earlier corpus drew whole documents only and was half one national report, mostly front matter.
// The corpus is rebuilt only when this generator or the fixtures change.
import { createHash } from "node:crypto";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureTools } from "./tools.mjs";
import { makeRandom as rng } from "./random.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SOURCES = [join(ROOT, "fixtures/seeds"), join(ROOT, "fixtures/real")];
const GENERATOR_VERSION = 3;
export const SIZES = { small: 100, large: 1000 };
const CHARS_PER_LINE = 90;
const LINES_PER_PAGE = 56;


function sourceTexts() {
  return SOURCES.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .map((f) => ({ name: f, text: readFileSync(join(dir, f), "utf8"), seed: dir.endsWith("seeds") })),
  );
}

/** One record, varied so that files differ: years moved, § numbers shifted. */
function vary(text, rand) {
  const dy = Math.floor(rand() * 9) - 4;
  const dp = Math.floor(rand() * 200);
  return text
    .replace(/(?<!\d)(19[5-9]\d|20[0-3]\d)(?!\d)/g, (y) => String(Number(y) + dy))
    .replace(/§§?\s?(\d{1,3})(?!\d)/g, (m, n) => m.replace(n, String(Number(n) + dp)));
}

/** Pages a file should have: mostly short minutes, some long ones (mean about 10). */
function pagesFor(rand) {
  const r = rand();
  if (r < 0.3) return 1 + Math.floor(rand() * 4);
  if (r < 0.8) return 5 + Math.floor(rand() * 10);
  return 15 + Math.floor(rand() * 26);
}

function wrap(line) {
  if (line.length <= CHARS_PER_LINE) return [line];
  const out = [];
  let rest = line;
  while (rest.length > CHARS_PER_LINE) {
    let cut = rest.lastIndexOf(" ", CHARS_PER_LINE);
    if (cut < CHARS_PER_LINE / 2) cut = CHARS_PER_LINE;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^ /, "");
  }
  out.push(rest);
  return out;
}

/** Lines of a seed that open items: "§12 Program Nära vård". */
const ITEM_HEADER = /^[ \t]*§[ \t]*\d{1,3}[ \t]+(?=\S)/u;

/** The seeds' agenda items (title line and body, number removed) and the openings minutes can start with. */
function pools(sources) {
  const items = [];
  const openings = [];
  for (const src of sources) {
    const lines = src.text.split(/\r?\n/);
    const starts = lines.flatMap((l, i) => (ITEM_HEADER.test(l) ? [i] : []));
    // Items come from the seeds' minutes; a real opening listing § numbers is a table of contents.
    if (starts.length >= 3 && src.seed) {
      openings.push(lines.slice(0, starts[0]).join("\n"));
      starts.forEach((s, k) => {
        const body = lines.slice(s, starts[k + 1] ?? lines.length);
        items.push({ title: body[0].replace(ITEM_HEADER, "").trim(), body: body.slice(1).join("\n") });
      });
    } else if (src.text.length <= 2100) openings.push(src.text);
  }
  return { items, openings };
}

/** The text of document i. */
function documentText(i, sources, pool) {
  const rand = rng(0x5eed + i);
  const target = pagesFor(rand) * LINES_PER_PAGE;
  const lines = [];
  const add = (text) => lines.push(...vary(text, rand).split(/\r?\n/).flatMap(wrap));
  if (rand() < 0.1) {
    // A whole other document: records drawn from all the fixtures until the page target is met.
    while (lines.length < target) {
      const src = vary(sources[Math.floor(rand() * sources.length)].text, rand).split(/\r?\n/).flatMap(wrap);
      const room = target - lines.length;
      let take = src.length;
      if (take > room + LINES_PER_PAGE) {
        take = room;
        while (take < src.length && src[take].trim() !== "") take++;
      }
      lines.push(...src.slice(0, take), "", "");
    }
    return lines.join("\n") + "\n";
  }
  add(pool.openings[Math.floor(rand() * pool.openings.length)]);
  const paragraphs = rand() < 0.7;
  let n = paragraphs ? 1 + Math.floor(rand() * 200) : 1;
  while (lines.length < target) {
    const it = pool.items[Math.floor(rand() * pool.items.length)];
    lines.push("", paragraphs ? `§ ${n} ${it.title}` : `${n}. ${it.title}`);
    add(it.body);
    n++;
  }
  return lines.join("\n") + "\n";
}

/** troff source: no-fill text on A4, a running header with the page number and a footer. */
function troff(text) {
  const body = text
    .split("\n")
    .map((l) => l.replace(/\\/g, "\\e"))
    .map((l) => (/^[.']/.test(l) ? `\\&${l}` : l))
    .join("\n");
  return [
    ".pl 29.7c", ".po 2.2c", ".ll 17c", ".ps 10", ".vs 12p",
    ".de hd", "'sp 1.2c", ".tl 'Sammanträdesprotokoll''Sida \\\\n%'", "'sp 0.8c", "..",
    ".de fo", "'sp 0.6c", ".tl ''Justerandes signatur''", "'bp", "..",
    ".wh 0 hd", ".wh -2.2c fo", ".nf",
    body,
  ].join("\n");
}

function fingerprint(sources) {
  const h = createHash("sha256").update(String(GENERATOR_VERSION)).update(readFileSync(fileURLToPath(import.meta.url)));
  for (const s of sources) h.update(s.name).update(s.text);
  return h.digest("hex").slice(0, 16);
}

/** Runs up to `jobs` commands at once. */
async function runAll(tasks, jobs) {
  let next = 0;
  const one = async () => {
    while (next < tasks.length) {
      const t = tasks[next++];
      await new Promise((resolve, reject) => {
        const p = spawn(t.cmd, t.args, { stdio: ["pipe", "pipe", "ignore"] });
        const chunks = [];
        p.stdout.on("data", (c) => chunks.push(c));
        p.on("error", reject);
        p.on("close", (code) => (code === 0 ? resolve(t.done(Buffer.concat(chunks))) : reject(new Error(`${t.cmd} failed on ${t.label} (exit ${code})`))));
        p.stdin.end(t.input);
      });
    }
  };
  await Promise.all(Array.from({ length: jobs }, one));
}

function pageCount(pdf) {
  const out = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return Number(/^Pages:\s+(\d+)/m.exec(out)[1]);
}

/** Returns the corpus folders, building them when missing or stale. */
export async function ensureCorpus(dir, log = () => {}) {
  const sources = sourceTexts();
  const fp = fingerprint(sources);
  const manifestPath = join(dir, "manifest.json");
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, "utf8"));
    if (m.fingerprint === fp) return m;
  }
  ensureTools(log);
  rmSync(dir, { recursive: true, force: true });
  const all = join(dir, "all");
  mkdirSync(all, { recursive: true });
  const n = SIZES.large;
  log(`building the corpus (${n} files) in ${dir} …`);
  const t0 = performance.now();
  const tasks = [];
  const pool = pools(sources);
  for (let i = 0; i < n; i++) {
    const name = `minutes-${String(i).padStart(4, "0")}`;
    const text = documentText(i, sources, pool);
    writeFileSync(join(all, `${name}.txt`), text);
    tasks.push({
      cmd: "groff", args: ["-Tpdf", "-k", "-P-pa4"], input: troff(text), label: name,
      done: (pdf) => writeFileSync(join(all, `${name}.pdf`), pdf),
    });
  }
  await runAll(tasks, availableParallelism());
  const files = [];
  for (let i = 0; i < n; i++) {
    const name = `minutes-${String(i).padStart(4, "0")}`;
    files.push({ name, pages: pageCount(join(all, `${name}.pdf`)), pdfBytes: readFileSync(join(all, `${name}.pdf`)).length, textBytes: readFileSync(join(all, `${name}.txt`)).length });
  }
  // Each size is a folder of hard links: pdf/ and txt/ for the first N files.
  const sizes = {};
  for (const [size, count] of Object.entries(SIZES)) {
    for (const kind of ["pdf", "txt"]) {
      const d = join(dir, size, kind);
      mkdirSync(d, { recursive: true });
      for (const f of files.slice(0, count)) linkSync(join(all, `${f.name}.${kind}`), join(d, `${f.name}.${kind}`));
    }
    const chosen = files.slice(0, count);
    sizes[size] = {
      files: count,
      pages: chosen.reduce((s, f) => s + f.pages, 0),
      pdfBytes: chosen.reduce((s, f) => s + f.pdfBytes, 0),
      textBytes: chosen.reduce((s, f) => s + f.textBytes, 0),
    };
  }
  // One line of 1 MB: the fixtures' lines joined by spaces (a PDF flattened by a careless export).
  const flat = sources.map((s) => s.text.replace(/\s+/g, " ")).join(" ");
  let line = "";
  while (line.length < 1 << 20) line += flat + " ";
  writeFileSync(join(dir, "line-1mb.txt"), Buffer.from(line.slice(0, 1 << 20).trimEnd() + "\n", "utf8"));
  const manifest = { fingerprint: fp, built: new Date().toISOString(), seconds: (performance.now() - t0) / 1000, sizes, line: join(dir, "line-1mb.txt") };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + "\n");
  log(`corpus built in ${manifest.seconds.toFixed(0)} s: ${JSON.stringify(sizes)}`);
  return manifest;
}

if (process.argv[1] && basename(process.argv[1]) === "corpus.mjs") {
  const dir = process.argv[2] ?? join(ROOT, "out/bench/corpus");
  const m = await ensureCorpus(dir, (s) => process.stderr.write(s + "\n"));
  process.stdout.write(JSON.stringify(m, null, 2) + "\n");
}
