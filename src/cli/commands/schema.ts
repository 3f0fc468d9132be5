import { jsonSchema } from "../../model/schema.js";
import type { Io } from "../io.js";

export function schemaText(): string {
  return JSON.stringify(jsonSchema(), null, 2) + "\n";
}

export function runSchema(io: Io): number {
  io.stdout.write(schemaText());
  return 0;
}
