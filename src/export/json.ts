import type { Output } from "../model/schema.js";

/** Two-space indented JSON with a trailing newline; key order is the schema's (build order). */
export function toJson(output: Output): string {
  return JSON.stringify(output, null, 2) + "\n";
}

export function toNdjsonLine(output: Output): string {
  return JSON.stringify(output) + "\n";
}
