import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { configDefaults, defineConfig } from "vitest/config";

/** Files that replace a module (vi.mock): they keep a module registry of their own. */
const MOCKING = ["test/cli/disk-full.test.ts"];

/**
 * The files that take longest, longest first. Vitest orders files by the last run's durations,
 * which a fresh clone (CI) does not have, and then by size: these small files would start last
 * and run alone on one core at the end.
 */
const HEAVY = [
  "test/robustness/hostile.test.ts",
  "test/cli/attendance-stream.test.ts",
  "test/cli/archive.test.ts",
  "test/robustness/properties.test.ts",
  "test/order.test.ts",
  "test/cli/lossless.test.ts",
  "test/cli/sigint.test.ts",
];

class HeavyFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = HEAVY.findIndex((h) => f.moduleId.endsWith(`/${h}`));
      return i === -1 ? HEAVY.length : i;
    };
    const sorted = await super.sort(files);
    // Array.prototype.sort is stable: the other files keep the base order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

const common = {
  setupFiles: ["test/setup.ts"],
  // CLI processes the tests start keep their code cache apart from the user's (src/start/code-cache.ts).
  env: { TZ: "UTC", PROTOKOLL_CODE_CACHE: join(tmpdir(), `protokoll-test-code-cache-${process.getuid?.() ?? "user"}`) },
  testTimeout: 30000,
};

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: on a 2-core machine every file ran in one
    // worker, one after another (6 min). At least two keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: HeavyFirst },
    projects: [
      // Test files share their worker's loaded modules: importing the pipeline anew for every file
      // was more than half of test:fast (63 s → 19 s on 2 busy cores). Nothing here mocks a module,
      // and per-lexicon state is keyed by the lexicon instance.
      { test: { ...common, name: "shared", include: ["test/**/*.test.ts"], exclude: [...configDefaults.exclude, ...MOCKING], isolate: false } },
      { test: { ...common, name: "isolated", include: MOCKING } },
    ],
  },
});
