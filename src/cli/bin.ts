#!/usr/bin/env node
import module from "node:module";

// The CLI's entry, run from its CommonJS bundle by start/bundle-loader.ts (which also sets V8's
// options); from tsc's output alone it runs too.

// The signal handlers are installed before the program's modules load, so a Ctrl-C during
// start-up exits 130 like any other interruption instead of killing the process by the signal.
const interrupt = new AbortController();
let started = false;
const onSignal = () => {
  if (!started) process.exit(130);
  interrupt.abort();
};
process.once("SIGINT", onSignal);
process.once("SIGTERM", onSignal);

// A closed pipe (protokoll … | head) ends the run quietly.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

// Node 22+: V8's code cache for the ES modules loaded later (pdfjs-dist), kept under os.tmpdir()
// (or NODE_COMPILE_CACHE). Node 20 has no such call; there this does nothing.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

void Promise.all([import("./main.js"), import("./io.js")])
  .then(([{ main }, { nodeIo }]) => {
    started = true;
    // Ctrl-C: stop starting files, remove temporary files, exit 130.
    return main(process.argv.slice(2), nodeIo, interrupt.signal);
  })
  .then(
    (code) => {
      process.exitCode = code;
    },
    (e: Error) => {
      process.stderr.write(`protokoll: internal error: ${e.message}\n`);
      process.exitCode = 1;
    },
  );
