import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { runParse, UsageError, type ParseCommandOptions } from "./commands/parse.js";
import { runSchema } from "./commands/schema.js";
import type { Io } from "./io.js";
import { VERSION } from "../version.js";

const EXAMPLES = `
Examples:
  $ protokoll parse minutes.txt                      JSON for one file on standard output
  $ protokoll parse archive/ --out out/              one JSON file per input, folders mirrored
  $ protokoll parse archive/ --out out/ --format csv  one CSV table per entity, joined by ids
  $ cat minutes.txt | protokoll parse -              read standard input
  $ protokoll parse a.txt b.md --format ndjson       one JSON document per line on standard output
  $ protokoll schema > output.schema.json            the JSON Schema of the output

Exit codes: 0 all inputs parsed, 1 some input failed (the others were still parsed), 2 usage error.`;

function positive(v: string, name: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} takes a positive number`);
  return n;
}

/** Builds the program, runs it on argv and returns the exit code; never calls process.exit. */
export async function main(argv: string[], io: Io): Promise<number> {
  let code = 0;
  const program = new Command()
    .name("protokoll")
    .description("Turn Swedish meeting minutes (protokoll, minnesanteckningar, kallelser, protokollsutdrag) into structured data.")
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError("(run with --help for usage)");
  program
    .command("parse")
    .description("parse minutes (text, Markdown) into JSON, NDJSON or CSV")
    .argument("<inputs...>", "files or folders (searched recursively); - reads standard input")
    .option("-o, --out <dir>", "write <name>.json per input (and the CSV tables) into this folder")
    .addOption(new Option("-f, --format <format>", "output format").choices(["json", "ndjson", "csv"]).default("json"))
    .option("--emit-text", "also write <name>.txt: the canonical text every span points into")
    .option("-q, --quiet", "no warnings or summary on standard error")
    .option("--debug", "show stack traces for internal errors")
    .option("--timeout <seconds>", "stop reading a PDF after this many seconds (limit-exceeded)", (v) => positive(v, "--timeout"), 60)
    .option("--max-memory <MB>", "stop reading a PDF whose reader uses more memory (limit-exceeded)", (v) => positive(v, "--max-memory"), 1024)
    .addHelpText("after", EXAMPLES)
    .action(async (inputs: string[], opts: ParseCommandOptions) => {
      code = await runParse(inputs, opts, io);
    });
  program
    .command("schema")
    .description("print the JSON Schema of the output")
    .action(() => {
      code = runSchema(io);
    });
  program.addHelpText("after", EXAMPLES);
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
      return 2;
    }
    if (e instanceof UsageError) {
      io.stderr.write(`protokoll: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
