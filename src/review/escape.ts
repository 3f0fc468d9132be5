/**
 * Every string that comes from a document (names, titles, texts, paths, messages) reaches the page
 * through these: text content and attribute values are escaped alike, so `<script>` or `"><img
 * onerror=…>` in a name can never become markup. Quotes are escaped too, so the result is safe in
 * double- and single-quoted attributes.
 */
const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** JSON for an inline <script type="application/json">: `<`, `>`, `&` and line separators escaped so no text can close the script. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** A fact id as an element id / fragment: ids are ASCII from the pipeline, anything else is replaced. */
export function anchorId(factId: string): string {
  return "f-" + factId.replace(/[^A-Za-z0-9_-]/g, "_");
}
