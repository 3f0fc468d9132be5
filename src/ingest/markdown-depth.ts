/**
 * Deepest nesting of block quotes, list indentation and brackets in a Markdown source.
 * Deeply nested input makes the CommonMark parser super-linear, so it is measured with a
 * linear scan before any parsing.
 */
export function markdownDepth(src: string): number {
  let max = 0;
  let bracket = 0;
  let lineStart = true;
  let quote = 0;
  let indent = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      quote = 0;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (c === 62 /* > */) { quote++; if (quote > max) max = quote; continue; }
      if (c === 32 || c === 9) { indent += c === 9 ? 4 : 1; if (indent / 2 > max) max = indent / 2; continue; }
      if ((c === 45 || c === 42 || c === 43) && (src.charCodeAt(i + 1) === 32)) { indent += 2; if (indent / 2 > max) max = indent / 2; i++; continue; }
      lineStart = false;
    }
    if (c === 91 /* [ */ || c === 40 /* ( */) { bracket++; if (bracket > max) max = bracket; }
    else if ((c === 93 || c === 41) && bracket > 0) bracket--;
  }
  return Math.floor(max);
}
