/**
 * Node's `import()` for the ES modules the program loads at run time (pdfjs-dist). The bundle
 * loader runs the program as vm scripts, and there `import()` needs a callback that V8 loses once
 * a script comes from the code cache (Node 20: "A dynamic import callback was not specified"; the
 * callback that is kept, vm's USE_MAIN_CONTEXT_DEFAULT_LOADER, is experimental and warns). So the
 * loader, an ordinary module, lends its own `import()` here before the program starts; unbundled
 * (tests, the library) this module's own is used. Both resolve a package name from the package.
 */
const LENT = Symbol.for("protokoll.importModule");
type Importer = (specifier: string) => Promise<unknown>;

export function importModule<T>(specifier: string): Promise<T> {
  const lent = (globalThis as Record<symbol, Importer | undefined>)[LENT];
  return (lent ? lent(specifier) : import(specifier)) as Promise<T>;
}

/** The bundle loader's side. */
export function lendImport(importer: Importer): void {
  (globalThis as Record<symbol, Importer | undefined>)[LENT] = importer;
}
