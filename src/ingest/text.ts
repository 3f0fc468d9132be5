import type { LineLayout } from "./line-layout.js";
import { decodeBytes } from "../text/decode.js";
import { canonicalize } from "../text/canonical.js";
import type { Diagnostic } from "../types.js";

export interface IngestedText {
  text: string;
  encoding: string;
  diagnostics: Diagnostic[];
  /** Layout of each canonical line, when the source says (Markdown structure). */
  layout?: Array<LineLayout | null>;
}

export function ingestText(bytes: Uint8Array): IngestedText {
  const decoded = decodeBytes(bytes);
  const diagnostics: Diagnostic[] = [];
  if (decoded.encoding === "windows-1252") {
    diagnostics.push({
      code: "encoding-fallback",
      severity: "info",
      message: "The bytes are not valid UTF-8; read as Windows-1252.",
    });
  }
  if (decoded.text.includes("\u0000")) {
    diagnostics.push({ code: "nul-bytes", severity: "warning", message: "The text holds NUL bytes; they were removed." });
  }
  return { text: canonicalize(decoded.text), encoding: decoded.encoding, diagnostics };
}
