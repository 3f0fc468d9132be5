#!/usr/bin/env node
import { main } from "./main.js";
import { nodeIo } from "./io.js";

// A closed pipe (protokoll … | head) ends the run quietly.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

// Ctrl-C: stop starting files, remove temporary files, exit 130.
const interrupt = new AbortController();
process.once("SIGINT", () => interrupt.abort());
process.once("SIGTERM", () => interrupt.abort());

main(process.argv.slice(2), nodeIo, interrupt.signal).then(
  (code) => {
    process.exitCode = code;
  },
  (e: Error) => {
    process.stderr.write(`protokoll: internal error: ${e.message}\n`);
    process.exitCode = 1;
  },
);
