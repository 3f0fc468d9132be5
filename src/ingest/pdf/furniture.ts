import type { PdfLine, RemovedFurniture } from "./types.js";

const PAGE_NUMBER = /^(?:(?:sida|sid|s\.|page)\s*)?[-–]?\s*\d{1,4}\s*(?:(?:\(|\[)\s*\d{1,4}\s*(?:\)|\])|(?:av|\/|of)\s*\d{1,4})?\s*[-–]?$/iu;
const ZONE = 3;
const SIGNATURE_BOX = /^(?:justerandes|justerares|ordförandes)[ \t]+sign(?:atur|aturer)?\.?[ \t:]*[.…_ \t]*$|^utdragsbestyrkande[ \t:]*[.…_ \t]*$/iu;

/** A footer row of cells that are each a page number or a signature box ("Justerandes signatur …  Sida 1 av 1"). */
const isBoxRow = (text: string) => {
  const cells = text.split("\t").map((c) => c.trim()).filter(Boolean);
  return cells.length > 1 && cells.every((c) => PAGE_NUMBER.test(c) || SIGNATURE_BOX.test(c)) && cells.some((c) => PAGE_NUMBER.test(c));
};

/** Words of letters: a lone labelled number ("1(4) Bilaga 1", "Dnr 12/2023") is a heading, not a running header. */
const wordsOf = (s: string) => (s.match(/\p{L}{2,}/gu) ?? []).length;

const norm = (s: string) => s.replace(/\d+/g, "#").replace(/\s+/g, " ").trim().toLowerCase();

/**
 * Running headers and footers (the same line, digits aside, among the first or last lines of most
 * pages) and page numbers. Returns the lines to keep per page and what was removed.
 */
export function removeFurniture(pages: PdfLine[][]): { pages: PdfLine[][]; removed: RemovedFurniture[] } {
  // A running header or footer repeats at the same place: same edge of the page, same height.
  const key = (l: PdfLine, top: boolean) => `${top ? "top" : "bottom"}|${Math.round(l.y / 12)}|${norm(l.text)}`;
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const zone = new Set([...lines.slice(0, ZONE).map((l) => key(l, true)), ...lines.slice(-ZONE).map((l) => key(l, false))]);
    for (const k of zone) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(pages.length * 0.5));
  // A header whose numbers vary (page, §, date) in a long bundle stands only on the pages of the
  // minutes, not on the attachments after them: a few pages at the same place suffice.
  const neededVarying = pages.length >= 6 ? Math.max(3, Math.ceil(pages.length * 0.15)) : needed;
  const isFurniture = (l: PdfLine, top: boolean, p: number) => {
    const n = counts.get(key(l, top)) ?? 0;
    return n >= needed || (p > 0 && n >= neededVarying && /#/.test(norm(l.text)) && wordsOf(l.text) >= 2);
  };
  const removed = new Map<string, RemovedFurniture>();
  const note = (kind: RemovedFurniture["kind"], text: string, page: number) => {
    const key = `${kind}|${norm(text)}`;
    const r = removed.get(key) ?? { kind, text, pages: [] };
    r.pages.push(page);
    removed.set(key, r);
  };
  const kept = pages.map((lines, p) =>
    lines.filter((l, i) => {
      const top = i < ZONE;
      const bottom = i >= lines.length - ZONE;
      if (!top && !bottom) return true;
      const t = l.text.replace(/\t/g, " ").trim();
      if (PAGE_NUMBER.test(t) || isBoxRow(l.text)) { note("page-number", t, p + 1); return false; }
      if (pages.length >= 2 && isFurniture(l, top, p) && t.length > 0) {
        note(top ? "running-header" : "running-footer", t, p + 1);
        return false;
      }
      return true;
    }),
  );
  return { pages: kept, removed: [...removed.values()] };
}
