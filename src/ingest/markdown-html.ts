/**
 * Raw HTML inside Markdown is markup, not text: a comment is never read, and an element that is
 * hidden (`hidden`, `display:none`, `visibility:hidden`, `aria-hidden="true"`) or that is never
 * text (`<script>`, `<style>`, `<template>`) hides the Markdown between its opening and closing
 * tags, whether those tags sit in one HTML node or in two with Markdown between them.
 */
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const TAG = /<(\/?)([A-Za-z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const NEVER_TEXT = new Set(["script", "style", "template", "noscript"]);
const VOID = new Set(["br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "base", "source", "track", "embed", "param"]);
const HIDDEN_ATTR =
  /(?:^|\s)hidden(?:\s|=|\/|$)|display\s*:\s*none|visibility\s*:\s*hidden|aria-hidden\s*=\s*["']?true/i;

/** Follows hidden elements across the HTML nodes of one document, in document order. */
export class HiddenHtml {
  private name: string | null = null;
  private depth = 0;

  get active(): boolean {
    return this.name !== null;
  }

  /** Reads the tags of one HTML node (comments removed) and updates the hidden state. */
  read(html: string): void {
    const tags = html.replace(COMMENT, "");
    for (const m of tags.matchAll(TAG)) {
      const closing = m[1] === "/";
      const name = m[2]!.toLowerCase();
      const attrs = m[3] ?? "";
      if (VOID.has(name) || attrs.trimEnd().endsWith("/")) continue;
      if (this.name !== null) {
        if (name !== this.name) continue;
        this.depth += closing ? -1 : 1;
        if (this.depth === 0) this.name = null;
      } else if (!closing && (NEVER_TEXT.has(name) || HIDDEN_ATTR.test(attrs))) {
        this.name = name;
        this.depth = 1;
      }
    }
  }
}
