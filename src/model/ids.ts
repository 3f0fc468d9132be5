import { createHash } from "node:crypto";

/** Ids built from the file's sha256 and the fact's position: the same input gives the same ids on every run. */
export const meetingId = (sha256: string, index: number) => `${sha256.slice(0, 12)}-m${index + 1}`;
export const childId = (meetingId: string, prefix: string, index: number) => `${meetingId}-${prefix}${index + 1}`;

/**
 * The id of one input occurrence in the tables: a hash of the input path as given and its content.
 * The same bytes under two paths (a PDF in 2019/ and in 2020/) are two documents with two ids, so
 * every table key stays unique; the same archive given the same way gives the same ids on every run.
 */
export const documentId = (path: string, sha256: string | null) =>
  `d${createHash("sha256").update(`${path}\n${sha256 ?? ""}`).digest("hex").slice(0, 12)}`;

/** A table key: the document id, then the id the JSON output uses (`d…:abc…-m1-i3`). */
export const tableKey = (documentId: string, id: string) => `${documentId}:${id}`;
