import { configDefaults, defineConfig } from "vitest/config";

/** Files that replace a module (vi.mock): they keep a module registry of their own. */
const MOCKING = ["test/cli/disk-full.test.ts"];

const common = {
  setupFiles: ["test/setup.ts"],
  env: { TZ: "UTC" },
  testTimeout: 30000,
};

export default defineConfig({
  test: {
    projects: [
      // Test files share their worker's loaded modules: importing the pipeline anew for every file
      // was more than half of test:fast (63 s → 19 s on 2 busy cores). Nothing here mocks a module,
      // and per-lexicon state is keyed by the lexicon instance.
      { test: { ...common, name: "shared", include: ["test/**/*.test.ts"], exclude: [...configDefaults.exclude, ...MOCKING], isolate: false } },
      { test: { ...common, name: "isolated", include: MOCKING } },
    ],
  },
});
