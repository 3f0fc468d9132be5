import { spawn, spawnSync } from "node:child_process";
import { StringDecoder } from "node:string_decoder";
import { InputError } from "../../types.js";
import { assemblePages } from "./assemble.js";
import { layoutPage } from "./layout.js";
import { boxPerSize, lineItems, pageLines, readHead, type PopplerLine } from "./poppler-xhtml.js";
import { pdfDate } from "./read.js";
import type { PdfExtraction, PdfLimits, PdfLine } from "./types.js";

/** Limits on the pdftotext child: it is killed past them. */
export interface ChildLimits {
  timeoutMs: number;
  /** Its address space (ulimit -v), MiB. */
  memoryMb: number;
}

export const DEFAULT_CHILD: ChildLimits = { timeoutMs: 60_000, memoryMb: 1024 };

/** What poppler could not read (the caller falls back to pdf.js); limits passed are InputErrors instead. */
export class PopplerFailed extends Error {}

/** One page's XHTML held at once: a page bigger than this is a bomb, not minutes. */
const MAX_PAGE_CHARS = 64 * 1024 * 1024;

let found: boolean | null = null;
/** Whether `pdftotext` is on PATH (asked once per process). */
export function hasPdftotext(): boolean {
  found ??= spawnSync("pdftotext", ["-v"], { stdio: "ignore", timeout: 5000 }).error === undefined;
  return found;
}

/**
 * Reads a PDF with `pdftotext -bbox-layout` in a child process under a timeout and an address-space
 * cap, page by page as its output streams (one page's XHTML in memory at a time), into the lines
 * the pdf.js reader makes. The PDF goes in on standard input.
 */
export async function readWithPoppler(bytes: Uint8Array, limits: PdfLimits, child: ChildLimits = DEFAULT_CHILD): Promise<PdfExtraction> {
  if (bytes.length > limits.maxBytes) {
    throw new InputError("limit-exceeded", `The PDF is ${bytes.length} bytes; the limit is ${limits.maxBytes}.`);
  }
  const raw: PopplerLine[][] = [];
  let head: string | null = null;
  let pending = "";
  // Where the search for "</page>" goes on from: each character is looked at about once, however big a page.
  let scanned = 0;
  const onText = (chunk: string) => {
    pending += chunk;
    if (head === null) {
      const at = pending.indexOf("<page ");
      if (at < 0 && pending.length > MAX_PAGE_CHARS) throw new InputError("limit-exceeded", "The PDF's document information is too large.");
      if (at < 0) return;
      head = pending.slice(0, at);
      pending = pending.slice(at);
    }
    if (pending.indexOf("</page>", scanned) < 0) {
      scanned = Math.max(0, pending.length - 7);
      if (pending.length > MAX_PAGE_CHARS) throw new InputError("limit-exceeded", `A page of the PDF holds more than ${MAX_PAGE_CHARS} characters of text boxes.`);
      return;
    }
    const end = pending.lastIndexOf("</page>");
    for (const page of pending.slice(0, end).split("</page>")) {
      if (raw.length >= limits.maxPages) throw new InputError("limit-exceeded", `The PDF has more than ${limits.maxPages} pages.`);
      raw.push(pageLines(page));
    }
    pending = pending.slice(end + 7);
    scanned = 0;
  };
  const errors = await runPdftotext(bytes, child, onText);
  const box = boxPerSize(raw);
  let items = 0;
  const pages: PdfLine[][] = raw.map((lines) => {
    const its = lines.flatMap((l) => lineItems(l, box));
    items += its.length;
    return layoutPage(its);
  });
  const info = readHead(head ?? "");
  // "2026-11-23T08:44:37Z" → the PDF date form pdfDate checks.
  const created = info.created ? pdfDate(info.created.replace(/-/g, "")) : null;
  const read = assemblePages({ pages, numPages: raw.length, items, unreadablePages: [], damagedPages: [], title: info.title, created });
  // Poppler does not say which page a syntax error was on: the file is damaged somewhere, as pdf.js's strays say.
  const syntax = errors.split("\n").find((l) => /^Syntax Error/.test(l));
  return { ...read, strays: syntax ? [syntax.trim()] : [] };
}

/** Kept of the child's standard error (its first errors say what is damaged). */
const STDERR_KEPT = 4096;

/** Runs pdftotext over the bytes, its output to onText as it comes; resolves to the start of its standard error. */
function runPdftotext(bytes: Uint8Array, child: ChildLimits, onText: (s: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    // ulimit -v caps the child's address space; `exec` leaves no shell behind to outlive a kill.
    const proc = spawn("sh", ["-c", 'ulimit -v "$1" 2>/dev/null; shift; exec "$@"', "sh", String(child.memoryMb * 1024), "pdftotext", "-enc", "UTF-8", "-bbox-layout", "-", "-"], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stderr = "";
    proc.stderr.setEncoding("utf8");
    proc.stderr.on("data", (s: string) => {
      if (stderr.length < STDERR_KEPT) stderr += s.slice(0, STDERR_KEPT - stderr.length);
    });
    let failure: Error | null = null;
    const stop = (e: Error) => {
      failure ??= e;
      proc.kill("SIGKILL");
    };
    const timer = setTimeout(() => stop(new InputError("limit-exceeded", `pdftotext took longer than ${child.timeoutMs} ms.`)), child.timeoutMs);
    const decoder = new StringDecoder("utf8");
    proc.stdout.on("data", (b: Buffer) => {
      if (failure) return;
      try {
        onText(decoder.write(b));
      } catch (e) {
        stop(e as Error);
      }
    });
    // A child that dies before reading all its input closes the pipe: its exit says why.
    proc.stdin.on("error", () => undefined);
    proc.stdin.end(bytes);
    proc.on("error", (e) => stop(new PopplerFailed(`pdftotext could not start: ${e.message}`)));
    proc.on("close", (code, signal) => {
      clearTimeout(timer);
      if (failure) reject(failure);
      else if (code !== 0) reject(new PopplerFailed(`pdftotext ${signal ? `was stopped by ${signal}` : `exited with ${code}`}${stderr ? `: ${stderr.split("\n")[0]}` : ""}`));
      else resolve(stderr);
    });
  });
}
