import type { Lexicon } from "../lexicon/load.js";
import { anyOf } from "../text/unicode.js";
import type { Range } from "../types.js";
import { splitLines, mergeRanges, isFlat, type Line } from "./lines.js";

export interface Furniture extends Range {
  kind: "page-number" | "signature-box" | "transcript-chrome" | "running-header";
  text: string;
}

const PAGE_NUMBER = /^\s*(?:(?:sida|sid|blad)\s*)?\d{1,4}\s*(?:(?:\(|\[)\s*\d{1,4}\s*(?:\)|\])|(?:av|\/)\s*\d{1,4})?\s*$/iu;
/** A web page's meta line: "10.05.2014 Views", "protokoll … · 2018-10-04 · protokoll …". */
const META_LINE = /^[^\n]{0,60}[ \t]Views[ \t]*$|^[^\n]*[ \t]·[ \t][^\n]*[ \t]·[ \t]/u;
/** META_LINE backtracks over the whole line; most lines hold neither of its marks. */
const hasMetaMark = (line: string) => line.includes("Views") || line.includes("·");
const PAGE_IN_PARENS = /^\s*[([]\s*\d{1,4}\s*[)\]]\s*$/u;

function compile(lex: Lexicon) {
  const box = anyOf(lex.forms("furniture", "signature-box"));
  return {
    // A line made only of signature-box labels and dots or underscores.
    signatureBox: new RegExp(`^[\\s.…_]*(?:${box}[\\s.…_:]*)+$`, "iu"),
    chrome: new RegExp(`^\\s*${anyOf(lex.forms("transcript-chrome"))}`, "iu"),
  };
}

let compiled: ReturnType<typeof compile> | null = null;

/** Lines and runs that belong to the page, not to the minutes: kept as metadata, skipped by items. */
export function findFurniture(text: string, lex: Lexicon): Furniture[] {
  compiled ??= compile(lex);
  const { signatureBox, chrome } = compiled;
  const out: Furniture[] = [];
  const lines = splitLines(text);
  const add = (l: Line, kind: Furniture["kind"]) => out.push({ start: l.start, end: l.end, kind, text: l.text });
  for (const l of lines) {
    if (l.text.trim() === "") continue;
    if (PAGE_NUMBER.test(l.text) || PAGE_IN_PARENS.test(l.text)) add(l, "page-number");
    else if (signatureBox.test(l.text)) add(l, "signature-box");
    else if (l.text.length < 400 && (chrome.test(l.text) || (hasMetaMark(l.text) && META_LINE.test(l.text)))) add(l, "transcript-chrome");
  }
  out.push(...runningPrefixes(lines));
  // A web transcript's page title and viewer buttons stand before its "Transkript" line.
  const marker = /^[ \t]*(?:transkript|full text)[ \t]*$/imu.exec(text.slice(0, 1500));
  if (marker) out.push({ start: 0, end: marker.index + marker[0].length, kind: "transcript-chrome", text: text.slice(0, marker.index + marker[0].length) });
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Web transcripts flatten each PDF page onto one line; the page's running header then
 * stands at the start of several such lines. The shared word prefix (digits ignored) is furniture.
 */
function runningPrefixes(lines: Line[]): Furniture[] {
  const flat = lines.filter(isFlat);
  if (flat.length < 2) return [];
  const words = (s: string) => s.replace(/^\s*\d+\s+/, "").split(/\s+/).slice(0, 8);
  const norm = (w: string) => w.replace(/\d+/g, "#");
  const all = flat.map((l) => words(l.text));
  // How many lines start with each normalised word prefix (2 to 8 words): a line's longest prefix
  // shared with another line, found without comparing every pair (a 10,000-page transcript has 10,000 such lines).
  const key = (ws: string[], k: number) => ws.slice(0, k).map(norm).join("\u0000");
  const shared = new Map<string, number>();
  for (const ws of all) for (let k = 2; k <= ws.length; k++) shared.set(key(ws, k), (shared.get(key(ws, k)) ?? 0) + 1);
  const out: Furniture[] = [];
  for (let i = 0; i < flat.length; i++) {
    const a = all[i]!;
    let best = 0;
    for (let k = 2; k <= a.length && (shared.get(key(a, k)) ?? 0) >= 2; k++) best = k;
    if (best < 2) continue;
    const line = flat[i]!;
    // Prose can start alike too; a page header starts with the page number or names the record.
    const prefix = a.slice(0, best).join(" ");
    if (!/^\s*\d{1,3}\s/u.test(line.text) && !/protokoll|anteckning|kallelse|föredragningslista/iu.test(prefix)) continue;
    const m = new RegExp(`^\\s*(?:\\d+\\s+)?${a.slice(0, best).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s+")}`, "u").exec(line.text);
    if (m) out.push({ start: line.start, end: line.start + m[0].length, kind: "running-header", text: m[0] });
  }
  return out;
}

export function furnitureRanges(f: readonly Furniture[]): Range[] {
  return mergeRanges(f);
}
