import { unified } from "unified";
import remarkParse from "remark-parse";
import { canonicalize } from "../text/canonical.js";
import { decodeBytes } from "../text/decode.js";
import { markdownDepth } from "./markdown-depth.js";
import type { Diagnostic } from "../types.js";
import type { IngestedText } from "./text.js";

/** Deeper than this, the source is read as plain text (the parser would be super-linear). */
export const MAX_MARKDOWN_DEPTH = 32;

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  ordered?: boolean | null;
  start?: number | null;
}

function inline(node: MdNode, out: string[]): void {
  switch (node.type) {
    case "text":
    case "inlineCode":
    case "html":
      out.push(node.value ?? "");
      return;
    case "break":
      out.push("\n");
      return;
    case "strong":
      // A bold run-in heading ("**Beslut** Nämnden …") stands on a line of its own, as in plain text.
      out.push("\n");
      for (const c of node.children ?? []) inline(c, out);
      out.push("\n");
      return;
    default:
      for (const c of node.children ?? []) inline(c, out);
  }
}

function inlineText(node: MdNode): string {
  const out: string[] = [];
  for (const c of node.children ?? []) inline(c, out);
  return out
    .join("")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .join("\n");
}

function block(node: MdNode, lines: string[], prefix = ""): void {
  switch (node.type) {
    case "heading":
    case "paragraph": {
      const text = inlineText(node);
      if (text) lines.push(prefix + text, "");
      return;
    }
    case "code":
    case "html":
      if (node.value) lines.push(node.value, "");
      return;
    case "list": {
      let n = node.start ?? 1;
      for (const item of node.children ?? []) {
        const marker = node.ordered ? `${n++}. ` : "- ";
        const start = lines.length;
        for (const c of item.children ?? []) block(c, lines);
        // The marker goes on the item's first line, so "1. Title" reads as in plain text.
        const first = lines.findIndex((l, i) => i >= start && l !== "");
        if (first >= 0) lines[first] = marker + lines[first];
      }
      return;
    }
    case "thematicBreak":
      lines.push("");
      return;
    default:
      for (const c of node.children ?? []) block(c, lines, prefix);
  }
}

export function renderMarkdown(src: string): string {
  const tree = unified().use(remarkParse).parse(src) as unknown as MdNode;
  const lines: string[] = [];
  block(tree, lines);
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";
}

export function ingestMarkdown(bytes: Uint8Array): IngestedText {
  const decoded = decodeBytes(bytes);
  const src = canonicalize(decoded.text);
  const diagnostics: Diagnostic[] = [];
  const depth = markdownDepth(src);
  if (depth > MAX_MARKDOWN_DEPTH) {
    diagnostics.push({
      code: "too-deep",
      severity: "warning",
      message: `Markdown nested ${depth} levels deep (limit ${MAX_MARKDOWN_DEPTH}); read as plain text.`,
    });
    return { text: src, encoding: decoded.encoding, diagnostics };
  }
  return { text: canonicalize(renderMarkdown(src)), encoding: decoded.encoding, diagnostics };
}
