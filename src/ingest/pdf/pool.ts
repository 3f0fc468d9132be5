import { fileURLToPath } from "node:url";
import { packageUrl } from "../../package-root.js";
import { ProcessPool } from "../../workers/process-pool.js";
import { DEFAULT_ENGINE, type PdfEngineName } from "./engine-name.js";
import type { PdfReadOptions } from "./engine.js";
import { DEFAULT_LIMITS, type PdfExtraction, type PdfLimits } from "./types.js";

export interface PdfPoolOptions {
  /** Child processes (the number of PDFs read at once). */
  size: number;
  /** A PDF taking longer than this is stopped: limit-exceeded. */
  timeoutMs: number;
  /** A child whose resident memory passes this is stopped: limit-exceeded. */
  memoryMb: number;
  limits: PdfLimits;
  /** pdfjs, poppler or auto (see engine.ts); pdftotext runs under the same timeout and memory cap. */
  engine: PdfEngineName;
}

export const DEFAULT_POOL: PdfPoolOptions = { size: 1, timeoutMs: 60_000, memoryMb: 1024, limits: DEFAULT_LIMITS, engine: DEFAULT_ENGINE };

// The built worker, from src/ (tests), dist/ and the bundles alike.
const WORKER = fileURLToPath(packageUrl("dist/ingest/pdf/worker.js"));

/** PDFs read in child processes, each under a timeout and a memory cap (for the library; the CLI parses whole files in its pool). */
export class PdfPool {
  private readonly pool: ProcessPool<{ bytes: Uint8Array; options: PdfReadOptions }, PdfExtraction>;
  private readonly options: PdfReadOptions;

  constructor(options: Partial<PdfPoolOptions> = {}) {
    const o = { ...DEFAULT_POOL, ...options };
    this.options = { engine: o.engine, limits: o.limits, child: { timeoutMs: o.timeoutMs, memoryMb: o.memoryMb } };
    this.pool = new ProcessPool({ worker: WORKER, size: o.size, timeoutMs: o.timeoutMs, memoryMb: o.memoryMb });
  }

  read(bytes: Uint8Array): Promise<PdfExtraction> {
    return this.pool.run({ bytes, options: this.options });
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
