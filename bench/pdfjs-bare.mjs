// The floor for our own work: pdf.js alone (the same pdfjs-dist and the same getDocument options
// as src/ingest/pdf/read.ts), every page's text content joined the way pdf-parse joins it, one text
// file written per PDF. Same parallelism as the CLI: N child processes pulling files from a queue.
//   node bench/pdfjs-bare.mjs --jobs N --out DIR file.pdf…   (or a folder)
import { fork } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

async function extract(path) {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    data: new Uint8Array(readFileSync(path)),
    isEvalSupported: false, enableXfa: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0,
  });
  const doc = await task.promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    let s = "";
    for (const it of content.items) if ("str" in it) s += it.str + (it.hasEOL ? "\n" : "");
    pages.push(s);
    page.cleanup();
  }
  const numPages = doc.numPages;
  await doc.destroy();
  return { text: pages.join("\n\n"), pages: numPages };
}

if (process.send) {
  // Child: one file per message.
  process.on("message", async ({ path, out }) => {
    try {
      const r = await extract(path);
      writeFileSync(join(out, basename(path).replace(/\.pdf$/i, ".txt")), r.text);
      process.send({ ok: true, pages: r.pages });
    } catch (e) {
      process.send({ ok: false, message: `${path}: ${e?.message ?? e}` });
    }
  });
} else {
  const argv = process.argv.slice(2);
  let jobs = 1;
  let out = "out/bench/pdfjs";
  const inputs = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--jobs") jobs = Number(argv[++i]);
    else if (argv[i] === "--out") out = argv[++i];
    else inputs.push(argv[i]);
  }
  const files = inputs.flatMap((p) => (statSync(p).isDirectory() ? readdirSync(p).filter((f) => f.endsWith(".pdf")).sort().map((f) => join(p, f)) : [p]));
  mkdirSync(out, { recursive: true });
  let next = 0;
  let pages = 0;
  let failed = 0;
  const self = fileURLToPath(import.meta.url);
  await Promise.all(
    Array.from({ length: Math.max(1, jobs) }, async () => {
      const child = fork(self, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
      while (next < files.length) {
        const path = files[next++];
        const r = await new Promise((resolve) => {
          child.once("message", resolve);
          child.send({ path, out });
        });
        if (r.ok) pages += r.pages;
        else {
          failed++;
          process.stderr.write(r.message + "\n");
        }
      }
      child.kill();
    }),
  );
  process.stdout.write(JSON.stringify({ files: files.length, pages, failed }) + "\n");
}
