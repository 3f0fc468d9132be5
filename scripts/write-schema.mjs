#!/usr/bin/env node
// Writes schema/output.schema.json from the zod schema (run after `npm run build`). A test keeps the copy in sync.
import { writeFileSync } from "node:fs";
import { schemaText } from "../dist/cli/commands/schema.js";
writeFileSync(new URL("../schema/output.schema.json", import.meta.url), schemaText());
