import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import { HiddenHtml } from "./markdown-html.js";
import { canonicalize } from "../text/canonical.js";
import { decodeBytes } from "../text/decode.js";
import { markdownDepth } from "./markdown-depth.js";
import type { Diagnostic } from "../types.js";
import type { IngestedText } from "./text.js";
import { EMPTY_LAYOUT, type LineLayout } from "./line-layout.js";

/** Deeper than this, the source is read as plain text (the parser would be super-linear). */
export const MAX_MARKDOWN_DEPTH = 32;

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  ordered?: boolean | null;
  start?: number | null;
  depth?: number;
}

/** Layout marks of rendered lines, keyed by the line's trimmed text (the rendering keeps each line whole). */
export type MarkdownMarks = Map<string, Partial<LineLayout>>;

/** What rendering carries down the tree: the hidden-HTML state and the layout marks. */
interface RenderState { hidden: HiddenHtml; marks: MarkdownMarks }

function inline(node: MdNode, out: string[], st: RenderState): void {
  if (node.type === "html") {
    // Inline tags and comments are markup; they may open or close a hidden span.
    st.hidden.read(node.value ?? "");
    return;
  }
  if (st.hidden.active) return;
  switch (node.type) {
    case "text":
    case "inlineCode":
      out.push(node.value ?? "");
      return;
    case "break":
      out.push("\n");
      return;
    case "strong":
      // A bold run-in heading ("**Beslut** Nämnden …") stands on a line of its own, as in plain text.
      out.push("\n");
      const inner: string[] = [];
      for (const c of node.children ?? []) inline(c, inner, st);
      const run = inner.join("").trim();
      if (run && !run.includes("\n")) st.marks.set(run, { ...st.marks.get(run), boldRunIn: true });
      out.push(...inner);
      out.push("\n");
      return;
    default:
      for (const c of node.children ?? []) inline(c, out, st);
  }
}

function inlineText(node: MdNode, st: RenderState): string {
  const out: string[] = [];
  for (const c of node.children ?? []) inline(c, out, st);
  return out
    .join("")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .join("\n");
}

/**
 * A GFM table row is one line with its cells separated by a tab, as the PDF layout writes
 * table cells, so "| Ordförande | Anna Andersson (S) |" reads like a labelled line.
 */
function tableRow(row: MdNode, st: RenderState): string {
  const cells = (row.children ?? []).map((cell) => inlineText(cell, st).replace(/\n/g, " "));
  while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  return cells.join("\t");
}

function block(node: MdNode, lines: string[], st: RenderState, prefix = ""): void {
  if (node.type === "html") {
    // An HTML block or comment is not text; it may open or close a hidden element.
    st.hidden.read(node.value ?? "");
    return;
  }
  if (st.hidden.active) return;
  switch (node.type) {
    case "heading":
    case "paragraph": {
      const text = inlineText(node, st);
      if (text && node.type === "heading") for (const l of text.split("\n")) st.marks.set(l, { ...st.marks.get(l), headingDepth: node.depth ?? 1 });
      if (text) lines.push(prefix + text, "");
      return;
    }
    case "code":
      if (node.value) lines.push(node.value, "");
      return;
    case "table": {
      for (const row of node.children ?? []) {
        const line = tableRow(row, st);
        if (line.trim() !== "") lines.push(line);
      }
      lines.push("");
      return;
    }
    case "list": {
      let n = node.start ?? 1;
      for (const item of node.children ?? []) {
        const marker = node.ordered ? `${n++}. ` : "- ";
        const start = lines.length;
        for (const c of item.children ?? []) block(c, lines, st);
        // The marker goes on the item's first line, so "1. Title" reads as in plain text.
        const first = lines.findIndex((l, i) => i >= start && l !== "");
        if (first >= 0) {
          lines[first] = marker + lines[first];
          const l = lines[first]!.split("\n")[0]!.trim();
          st.marks.set(l, { ...st.marks.get(l), listItem: true });
        }
      }
      return;
    }
    case "thematicBreak":
      lines.push("");
      return;
    default:
      for (const c of node.children ?? []) block(c, lines, st, prefix);
  }
}

export function renderMarkdown(src: string, marks: MarkdownMarks = new Map()): string {
  const processor = unified().use(remarkParse).use(remarkGfm);
  const tree = processor.runSync(processor.parse(src)) as unknown as MdNode;
  const lines: string[] = [];
  block(tree, lines, { hidden: new HiddenHtml(), marks });
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
  const marks: MarkdownMarks = new Map();
  const text = canonicalize(renderMarkdown(src, marks));
  const layout = text.split("\n").map((l) => {
    const m = marks.get(l.trim());
    return m ? { ...EMPTY_LAYOUT, ...m } : null;
  });
  return { text, encoding: decoded.encoding, diagnostics, layout };
}
