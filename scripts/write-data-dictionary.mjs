// Writes DATA_DICTIONARY.md: every table of `parse --format csv|sqlite` and of `protokoll link`, from the same definitions the writers use.
//   npm run build && node scripts/write-data-dictionary.mjs   (test/link/data-dictionary.test.ts fails when it is stale)
import { writeFileSync } from "node:fs";
import { repositoryDataDictionary } from "../dist/link/write.js";

writeFileSync(new URL("../DATA_DICTIONARY.md", import.meta.url), repositoryDataDictionary());
