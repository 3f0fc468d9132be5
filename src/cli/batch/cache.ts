import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeAtomic } from "../io.js";
import { packageUrl } from "../../package-root.js";
import type { Output } from "../../model/schema.js";
import type { SerializedParse } from "./parsed.js";

export interface Cached {
  output: Output;
  text: string;
}

/** A fingerprint of the running tool: its version, its built code (dist/, the bundles included) and its lexicon. A change to any of them invalidates the cache. */
export function toolFingerprint(version: string): string {
  const h = createHash("sha256").update(version);
  const add = (dir: URL) => {
    const walk = (d: string) => {
      if (!existsSync(d)) return;
      for (const name of readdirSync(d).sort()) {
        const p = join(d, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(?:js|json)$/.test(name)) h.update(name).update(readFileSync(p));
      }
    };
    walk(fileURLToPath(dir));
  };
  add(packageUrl("dist/"));
  add(packageUrl("lexicon/sv/"));
  return h.digest("hex").slice(0, 16);
}

/** Parsed documents by file content, tool fingerprint and options: a re-run over an unchanged archive parses nothing. */
export class ParseCache {
  constructor(private readonly dir: string, private readonly fingerprint: string, private readonly options: string) {}

  /** The format is part of the key: a .txt and a .md with the same bytes parse differently. */
  private file(sha256: string, format: string): string {
    const key = createHash("sha256").update(`${sha256}|${format}|${this.fingerprint}|${this.options}`).digest("hex");
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  get(sha256: string, format: string): Cached | null {
    try {
      return JSON.parse(readFileSync(this.file(sha256, format), "utf8")) as Cached;
    } catch {
      return null;
    }
  }

  /**
   * Stores a parse; a failure (a full disk) is returned as a message, never thrown: the parse itself
   * is not lost. The entry is JSON.stringify({ output, text }), put together from the output's compact JSON.
   */
  put(sha256: string, format: string, value: SerializedParse): string | null {
    try {
      if (value.compact === null) throw new Error("the output was not serialized for the cache");
      writeAtomic(this.file(sha256, format), `{"output":${value.compact},"text":${JSON.stringify(value.text)}}`);
      return null;
    } catch (e) {
      return `not cached: ${(e as Error).message}`;
    }
  }
}
