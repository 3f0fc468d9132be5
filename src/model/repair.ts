import { documentSchema, type Output, type Warning } from "./schema.js";
import { compileCheck, type Check } from "./validate.js";

/** The document schema as a compiled check (validate.ts), made at the first output. */
let documentCheck: Check | null = null;

/**
 * Last line of defence: an output that fails its schema loses the offending field, never the
 * document. A field is set to null when that satisfies the schema, else the smallest list entry
 * holding it is removed; each repair is a `schema-repair` warning naming the path. A repair is
 * always a bug (the fuzz test and the fuzz run in the benchmark count them); throws only when
 * no field or list entry can be dropped (the file's own source record is broken).
 */
export function repairOutput(output: Output, maxRepairs = 200): Output {
  // An output the compiled check passes is one zod's parse passes: nothing to repair (the first
  // round's answer, without building zod's parsed copy). Any other output is asked of zod, as before.
  if ((documentCheck ??= compileCheck(documentSchema))(output)) return output;
  const repairs: Warning[] = [];
  for (let round = 0; round <= maxRepairs; round++) {
    const checked = documentSchema.safeParse(output);
    if (checked.success) break;
    const issue = checked.error.issues[0]!;
    const path = issue.path.map((p) => (typeof p === "number" ? p : String(p)));
    const fix = round < maxRepairs ? repairAt(output, path) : null;
    if (!fix) throw new Error(`output does not match the schema at ${path.join(".")}: ${issue.message}`);
    repairs.push({
      code: "schema-repair",
      severity: "warning",
      message: `${path.join(".")}: ${fix.value} does not match the output schema (${issue.message}); ${fix.action}. This is a bug in protokoll.`,
      line: null,
      span: null,
    });
  }
  if (repairs.length) output.warnings.push(...repairs);
  return output;
}

type Path = Array<string | number>;

function parentOf(root: unknown, path: Path): Record<string | number, unknown> | undefined {
  let at: unknown = root;
  for (const p of path.slice(0, -1)) at = (at as Record<string | number, unknown> | undefined)?.[p];
  return at && typeof at === "object" ? (at as Record<string | number, unknown>) : undefined;
}

const shown = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
};

const issueAt = (output: Output, path: Path) => {
  const r = documentSchema.safeParse(output);
  const key = path.join(".");
  return !r.success && r.error.issues.some((i) => i.path.join(".") === key);
};

function repairAt(output: Output, path: Path): { value: string; action: string } | null {
  const parent = parentOf(output, path);
  const leaf = path[path.length - 1];
  const value = shown(leaf === undefined ? output : parent?.[leaf]);
  if (parent && leaf !== undefined && !Array.isArray(parent)) {
    const before = parent[leaf];
    parent[leaf] = null;
    if (!issueAt(output, path)) return { value, action: "set to null" };
    parent[leaf] = before;
  }
  // The deepest list entry on the path; the top-level fields (source, kind) are never removed.
  for (let k = path.length - 1; k >= 1; k--) {
    const index = path[k];
    if (typeof index !== "number") continue;
    const list = parentOf(output, path.slice(0, k + 1));
    if (!Array.isArray(list)) continue;
    list.splice(index, 1);
    return { value, action: `entry ${path.slice(0, k + 1).join(".")} removed` };
  }
  return null;
}
