// One hash over the JSON output of every text in the given folders (default: the small bench
// corpus, the bundled real openings and seeds, and ../shared's real and wild openings when that
// folder is beside the checkout), for speed work: a change meant to make parsing
// faster must leave this hash as it was. Run after `npm run build`:
//   node bench/output-hash.mjs [FOLDER…]   → "<files> <hash>"
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseTextSync } from "../dist/index.js";

const ROOT = new URL("..", import.meta.url).pathname;
const folders = process.argv.slice(2);
const defaults = ["out/bench/corpus/small/txt", "fixtures/real", "fixtures/seeds", "../shared/real", "../shared/wild"].map((d) => join(ROOT, d)).filter((d) => statSync(d, { throwIfNoEntry: false })?.isDirectory());
const hash = createHash("sha1");
let files = 0;
for (const dir of folders.length ? folders : defaults) {
  for (const name of readdirSync(dir).filter((f) => /\.(txt|md)$/i.test(f)).sort()) {
    // The file's name, not its path: the same texts hash the same from any checkout.
    let out;
    try {
      out = JSON.stringify(parseTextSync(readFileSync(join(dir, name)), { path: name }).output);
    } catch (e) {
      out = `error ${e?.message ?? e}`;
    }
    hash.update(`${name}\n${out}\n`);
    files++;
  }
}
console.log(`${files} ${hash.digest("hex").slice(0, 16)}`);
