/** Types for bench/fuzz-gen.mjs (read by the tests). */
export function makeRandom(seed: number): () => number;
export function dateish(rnd: () => number): string;
export function fuzzDocument(rnd: () => number): string;
