import type { PdfItem } from "./types.js";

/**
 * Spacing diacritics and the combining marks they stand for. pdfTeX text in the old (OT1) font
 * encoding draws "ö" as the glyph "¨" followed by "o", so the text layer reads "M¨otet ¨oppnas".
 */
const COMBINING: Record<string, string> = {
  "\u00a8": "\u0308", // ¨
  "\u00b4": "\u0301", // ´
  "`": "\u0300",
  "\u02c6": "\u0302", // ˆ
  "\u02dc": "\u0303", // ˜
  "\u02da": "\u030a", // ˚
  "\u00b8": "\u0327", // ¸
  "\u02c7": "\u030c", // ˇ
  "\u02d8": "\u0306", // ˘
  "\u02dd": "\u030b", // ˝
  "\u02d9": "\u0307", // ˙
  "\u00af": "\u0304", // ¯
};
const MARKS = Object.keys(COMBINING).join("");
const BEFORE_LETTER = new RegExp(`([${MARKS}])(\\p{L})`, "gu");
const LONE = new RegExp(`^\\s*([${MARKS}])\\s*$`, "u");

/** The letter with the mark, when they compose to one precomposed letter; otherwise null. */
function compose(letter: string, mark: string): string | null {
  const c = (letter + COMBINING[mark]!).normalize("NFC");
  return [...c].length === 1 ? c : null;
}

/** "M¨otet ¨oppnas" → "Mötet öppnas": a spacing diacritic right before a letter it composes with. */
export function composeAccents(text: string): string {
  if (!/[\u00a8\u00b4`\u02c6\u02dc\u02da\u00b8\u02c7\u02d8\u02dd\u02d9\u00af]/u.test(text)) return text;
  return text.replace(BEFORE_LETTER, (all, mark: string, letter: string) => compose(letter, mark) ?? all);
}

/**
 * A diacritic drawn as an item of its own above a letter of another item (TeX raises the accent of
 * a capital: "¨" over "Ovrigt") is put into that item at the letter under its centre. Items sorted
 * by x would otherwise place it after the whole word ("Ovrigt¨").
 */
export function placeLoneAccents(items: PdfItem[]): PdfItem[] {
  const out = items.map((i) => ({ ...i }));
  const lone: number[] = [];
  out.forEach((it, i) => {
    if (LONE.test(it.str)) lone.push(i);
  });
  if (lone.length === 0) return items;
  const drop = new Set<number>();
  for (const i of lone) {
    const accent = out[i]!;
    const mark = LONE.exec(accent.str)![1]!;
    const centre = accent.x + accent.width / 2;
    const host = out.find((h, j) => j !== i && !drop.has(j) && !LONE.test(h.str) && h.x <= centre && h.x + h.width >= centre);
    if (!host) continue;
    const chars = [...host.str];
    let at = Math.min(chars.length - 1, Math.max(0, Math.floor(((centre - host.x) / host.width) * chars.length)));
    // The estimate (letters of equal width) may land beside the letter: take the nearest letter.
    if (!/\p{L}/u.test(chars[at]!)) at = chars.findIndex((c, k) => k >= at - 1 && /\p{L}/u.test(c));
    if (at < 0) continue;
    const c = compose(chars[at]!, mark);
    if (!c) continue;
    chars[at] = c;
    host.str = chars.join("");
    drop.add(i);
  }
  return out.filter((_, i) => !drop.has(i));
}
