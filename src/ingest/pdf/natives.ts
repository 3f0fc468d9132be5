/**
 * pdf.js's legacy build (the one that runs on Node 20) carries core-js polyfills that replace some
 * built-ins process-wide when the engine's own version fails a feature test that does not matter
 * here. On Node 20 two hot ones are replaced: `Array.prototype.push` (a JavaScript loop with
 * argument checks instead of V8's inlined push; every layer pushes) and `JSON.parse` (a wrapper
 * for the source-text proposal). Putting the natives back after pdf.js and its worker module have
 * loaded cut a PDF batch's CPU by about a tenth (see README, Benchmark). Built-ins the polyfills
 * only add (Promise.withResolvers, Set methods, …) stay: pdf.js needs them.
 */
type Slot = readonly [holder: object, key: string];

const REPLACED: readonly Slot[] = [
  [Array.prototype, "push"],
  [JSON, "parse"],
];

/** The current built-ins, to be put back with restoreNatives once the polyfills have run. */
export function snapshotNatives(): PropertyDescriptor[] {
  return REPLACED.map(([holder, key]) => Object.getOwnPropertyDescriptor(holder, key)!);
}

/** Puts back each built-in that was replaced since the snapshot; how many were. */
export function restoreNatives(saved: PropertyDescriptor[]): number {
  let restored = 0;
  REPLACED.forEach(([holder, key], i) => {
    if (Object.getOwnPropertyDescriptor(holder, key)?.value === saved[i]!.value) return;
    Object.defineProperty(holder, key, saved[i]!);
    restored++;
  });
  return restored;
}
