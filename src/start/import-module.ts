/**
 * Node's `import()` for the ES modules the program loads at run time (pdfjs-dist). The bundle
 * loader runs the program as vm scripts, where `import()` fails unless the script was given a
 * callback: a function needs --experimental-vm-modules, and vm's USE_MAIN_CONTEXT_DEFAULT_LOADER
 * is experimental (it warns) and is lost once the script comes from the code cache (Node 20.20:
 * "A dynamic import callback was not specified"). So the loader, an ordinary module, lends its own
 * `import()` here before the program starts; unbundled (tests, the library) this module's own is
 * used. Both resolve a package name from the package.
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
