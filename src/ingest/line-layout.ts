/**
 * What the source knew about one line of the canonical text, carried from ingest so later layers
 * read layout instead of guessing it again from the words. Every field is null when the source
 * does not say (plain text, a flattened web transcript).
 */
export interface LineLayout {
  /** 1-based PDF page. */
  page: number | null;
  /** Left edge in PDF units. */
  x: number | null;
  /** Font size in PDF units. */
  size: number | null;
  /** A vertical gap before the line larger than the line spacing. */
  gapBefore: boolean | null;
  /** Column block of the page the line belongs to. */
  column: number | null;
  /** Markdown heading depth (1–6). */
  headingDepth: number | null;
  /** A Markdown list item's first line. */
  listItem: boolean;
  /** A Markdown bold run-in ("**Beslut** …" put on a line of its own). */
  boldRunIn: boolean;
}

export const EMPTY_LAYOUT: LineLayout = {
  page: null, x: null, size: null, gapBefore: null, column: null, headingDepth: null, listItem: false, boldRunIn: false,
};

const key = (s: string) => s.replace(/\s+/g, "").slice(0, 24);

/**
 * Lines of a text joined from source lines (hyphens joined, pages canonicalised) matched back to
 * the source lines in order: a text line takes the layout of the first source line at or after the
 * last match whose text starts the same. Unmatched lines get no layout.
 */
export function matchLayout<T extends { text: string }>(lines: string[], source: T[], toLayout: (s: T) => LineLayout): Array<LineLayout | null> {
  const out: Array<LineLayout | null> = [];
  let at = 0;
  for (const line of lines) {
    const k = key(line);
    if (k === "") {
      out.push(null);
      continue;
    }
    let hit = -1;
    // A short look-ahead: a line lost to furniture removal must not send the pointer far ahead.
    for (let j = at; j < Math.min(source.length, at + 8); j++) {
      const s = key(source[j]!.text);
      if (s.startsWith(k.slice(0, Math.min(k.length, s.length))) && s.length > 0) {
        hit = j;
        break;
      }
    }
    if (hit < 0) out.push(null);
    else {
      out.push(toLayout(source[hit]!));
      at = hit + 1;
    }
  }
  return out;
}
