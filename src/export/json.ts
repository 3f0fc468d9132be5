import type { Output } from "../model/schema.js";

/** Two-space indented JSON with a trailing newline; key order is the schema's (build order). */
export function toJson(output: Output): string {
  return JSON.stringify(output, null, 2) + "\n";
}

/** One line of JSON, no spaces: an NDJSON line without its newline. */
export function toCompactJson(output: Output): string {
  return JSON.stringify(output);
}

export function toNdjsonLine(output: Output): string {
  return toCompactJson(output) + "\n";
}
