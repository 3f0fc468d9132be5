import type { LineLayout } from "./line-layout.js";
import type { Diagnostic, SourceInfo } from "../types.js";
import type { Locator } from "../text/locate.js";

/** One input after ingestion: its canonical text and how to locate offsets in it. */
export interface SourceDocument {
  source: SourceInfo;
  text: string;
  /** Offsets where each PDF page begins; null for text and Markdown. */
  pageStarts: number[] | null;
  locate: Locator;
  diagnostics: Diagnostic[];
  /** Layout of each canonical line (index = line number − 1), when the source knew it. */
  layout?: Array<LineLayout | null>;
}
