import { InputError } from "../../types.js";
import { importModule } from "../../start/import-module.js";
import { assemblePages } from "./assemble.js";
import { mayHaveWrongGlyphs, repairGlyphMaps, type GlyphRun, type PageGlyphs } from "./glyph-map.js";
import { layoutPage } from "./layout.js";
import { restoreNatives, snapshotNatives } from "./natives.js";
import { hideBadPageCounts } from "./page-count.js";
import { catchingStrays } from "./stray.js";
import { DEFAULT_LIMITS, type PdfExtraction, type PdfItem, type PdfLimits, type PdfLine } from "./types.js";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: Promise<PdfJs> | null = null;

// Only the legacy build runs on Node 20 without browser globals.
const load = () => (pdfjs ??= loadPdfJs());

// pdf.js runs its "worker" in this thread (Node has no web worker for it): the module it would
// import on the first document is imported here, so its polyfills have run before the natives are
// put back. It registers itself as globalThis.pdfjsWorker, where pdf.js looks first.
const WORKER_MODULE: string = "pdfjs-dist/legacy/build/pdf.worker.mjs";

async function loadPdfJs(): Promise<PdfJs> {
  const natives = snapshotNatives();
  try {
    const lib = await importModule<PdfJs>("pdfjs-dist/legacy/build/pdf.mjs");
    await importModule(WORKER_MODULE);
    return lib;
  } finally {
    // Also when an import fails: what did load must not leave its polyfills behind.
    restoreNatives(natives);
  }
}

/** "D:20261123084433Z'" → "2026-11-23". */
export function pdfDate(raw: unknown): string | null {
  const m = typeof raw === "string" ? /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(raw) : null;
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2] ?? "01"), Number(m[3] ?? "01")];
  // A damaged or hand-made info dictionary ("D:20241399"): no creation date rather than an impossible one.
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  return `${m[1]}-${m[2] ?? "01"}-${m[3] ?? "01"}`;
}

function classify(e: unknown): InputError {
  const err = e as { name?: string; code?: number; message?: string };
  if (err?.name === "PasswordException") {
    return new InputError("encrypted", "The PDF is protected by a user password; protokoll cannot open it without the password.");
  }
  if (err?.name === "InvalidPDFException" || err?.name === "FormatError" || err?.name === "UnknownErrorException" || err?.name === "MissingPDFException") {
    return new InputError("corrupt-pdf", `The PDF is damaged and cannot be read (${err.message ?? err.name}).`);
  }
  return new InputError("corrupt-pdf", `The PDF cannot be read: ${err?.message ?? String(e)}`);
}

/**
 * Reads a PDF's text layer in reading order, page by page. Runs pdf.js in this thread: callers that
 * need a timeout and a memory cap (hostile files) run it in a child process (see pool.ts).
 */
export async function readPdf(bytes: Uint8Array, limits: PdfLimits = DEFAULT_LIMITS): Promise<PdfExtraction> {
  // pdf.js reports through console.log / console.warn: while a file is read those calls are counted
  // per page (a damaged content stream shows only there), not printed. "ignoring errors" is pdf.js
  // giving up on the rest of a page's content (e.g. an array nested 100,000 deep overflows its stack).
  const saved = { log: console.log, warn: console.warn };
  const counter = { damage: 0 };
  const catcher = (...args: unknown[]) => {
    if (typeof args[0] === "string" && /^Warning: .*(?:Unknown command|invalid|Invalid|corrupt|bad |Bad |unexpected|Unexpected|ignoring errors)/u.test(args[0])) counter.damage++;
  };
  console.log = catcher;
  console.warn = catcher;
  const strays: string[] = [];
  try {
    const read = await catchingStrays(strays, () => readPdfQuietly(bytes, limits, counter));
    return { ...read, strays };
  } catch (e) {
    // The file failed anyway; what pdf.js left unhandled says why.
    if (strays.length > 0 && e instanceof InputError) throw new InputError(e.code, `${e.message} pdf.js also reported: ${strays[0]}.`);
    throw e;
  } finally {
    console.log = saved.log;
    console.warn = saved.warn;
  }
}

type PdfDoc = Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;

async function open(bytes: Uint8Array): Promise<PdfDoc> {
  const lib = await load();
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    // Warnings are caught below: a damaged content stream shows only as warnings while its page is read.
    verbosity: 1,
  });
  try {
    return await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw classify(e);
  }
}

/** Opens the PDF; one that says it has no pages is opened again with its page counts blanked, so its page tree is walked. */
async function openCounted(bytes: Uint8Array): Promise<PdfDoc> {
  const doc = await open(bytes);
  const recount = doc.numPages < 1 ? hideBadPageCounts(bytes) : null;
  if (!recount) return doc;
  await doc.destroy().catch(() => undefined);
  return open(recount);
}

async function readPdfQuietly(bytes: Uint8Array, limits: PdfLimits, counter: { damage: number }): Promise<Omit<PdfExtraction, "strays">> {
  if (bytes.length > limits.maxBytes) {
    throw new InputError("limit-exceeded", `The PDF is ${bytes.length} bytes; the limit is ${limits.maxBytes}.`);
  }
  const lib = await load();
  const doc = await openCounted(bytes);
  try {
    if (doc.numPages > limits.maxPages) {
      throw new InputError("limit-exceeded", `The PDF has ${doc.numPages} pages; the limit is ${limits.maxPages}.`);
    }
    const meta = await doc.getMetadata().catch(() => null);
    const info = (meta?.info ?? {}) as Record<string, unknown>;
    const pageItems: Array<PdfItem[] | null> = [];
    const pageFonts: string[][] = [];
    const unreadablePages: number[] = [];
    const damagedPages: number[] = [];
    let items = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      counter.damage = 0;
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        if (counter.damage > 0) damagedPages.push(n);
        const its: PdfItem[] = [];
        const fontOf: string[] = [];
        for (const it of content.items) {
          if (!("str" in it)) continue;
          const [a, b, , d, e, f] = it.transform as number[];
          its.push({ str: it.str, x: e!, y: f!, width: it.width, size: Math.max(1, Math.abs(d!) || Math.hypot(a!, b!)) });
          fontOf.push(it.fontName);
        }
        items += its.filter((i) => i.str.trim() !== "").length;
        pageItems.push(its);
        pageFonts.push(fontOf);
        page.cleanup();
      } catch {
        unreadablePages.push(n);
        pageItems.push(null);
        pageFonts.push([]);
      }
    }
    // Fonts whose ToUnicode map names the wrong letters, repaired from their glyph widths (glyph-map.ts).
    // The glyphs are read (a second, costlier pass) only when the text shows the signs.
    const suspect = mayHaveWrongGlyphs(pageItems.flatMap((its) => (its ?? []).map((it) => it.str)));
    // Each page's items with their fonts, built only for a suspect document.
    const glyphs: PageGlyphs[] = suspect ? pageItems.map((its, i) => ({ items: (its ?? []).map((it, k) => ({ str: it.str, font: pageFonts[i]![k]! })), runs: [] })) : [];
    for (let n = 1; suspect && n <= doc.numPages; n++) {
      if (!pageItems[n - 1]) continue;
      try {
        const page = await doc.getPage(n);
        glyphs[n - 1]!.runs = await glyphRuns(lib, page);
        page.cleanup();
      } catch {
        // A page whose glyphs cannot be listed keeps its text as read.
      }
    }
    const repair = suspect ? repairGlyphMaps(glyphs) : { strs: [], pages: [] };
    const pages: PdfLine[][] = pageItems.map((its, i) => {
      if (!its) return [];
      const strs = repair.strs[i];
      return layoutPage(strs ? its.map((it, k) => ({ ...it, str: strs[k]! })) : its);
    });
    const title = typeof info.Title === "string" && info.Title.trim() ? info.Title.trim() : null;
    const read = assemblePages({ pages, numPages: doc.numPages, items, unreadablePages, damagedPages, title, created: pdfDate(info.CreationDate) });
    return repair.pages.length > 0 ? { ...read, repairedPages: repair.pages } : read;
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

type PdfPage = Awaited<ReturnType<PdfDoc["getPage"]>>;

/** The glyphs each text-showing operation of a page draws, with its font's name (for glyph-map.ts). */
async function glyphRuns(lib: PdfJs, page: PdfPage): Promise<GlyphRun[]> {
  const ops = await page.getOperatorList();
  const runs: GlyphRun[] = [];
  let font = "";
  let name = "";
  for (let i = 0; i < ops.fnArray.length; i++) {
    const args = ops.argsArray[i] as unknown[];
    if (ops.fnArray[i] === lib.OPS.setFont) {
      font = String(args[0]);
      const obj = page.commonObjs.has(font) ? (page.commonObjs.get(font) as { name?: string }) : null;
      name = obj?.name ?? font;
    } else if (ops.fnArray[i] === lib.OPS.showText && font !== "") {
      const shown = (args[0] as unknown[]).filter((g): g is { originalCharCode: number; unicode: string; width: number } => typeof g === "object" && g !== null && "originalCharCode" in g);
      runs.push({ font, name, glyphs: shown.map((g) => ({ code: g.originalCharCode, unicode: g.unicode, width: g.width })) });
    }
  }
  return runs;
}
