export { runBatch as runParse, UsageError, OutputError, type BatchOptions as ParseCommandOptions } from "../batch/run.js";
