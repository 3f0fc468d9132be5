/** Child process reading PDFs for PdfPool: a hostile file can be killed without killing the caller. */
import { serveTasks } from "../../workers/process-pool.js";
import { readPdfWith, type PdfReadOptions } from "./engine.js";

serveTasks(({ bytes, options }: { bytes: Uint8Array; options: PdfReadOptions }) => readPdfWith(new Uint8Array(bytes), options));
