/** Child process reading PDFs for PdfPool: a hostile file can be killed without killing the caller. */
import { serveTasks } from "../../workers/process-pool.js";
import { readPdf } from "./read.js";
import type { PdfLimits } from "./types.js";

serveTasks(({ bytes, limits }: { bytes: Uint8Array; limits: PdfLimits }) => readPdf(new Uint8Array(bytes), limits));
