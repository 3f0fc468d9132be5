import type { z } from "zod";

/**
 * Whether a value passes a zod schema, asked without zod's parse: a check compiled once from the
 * schema's own definition (its shapes, enums, patterns and bounds), so there is no second copy of
 * the contract to keep in step. zod's safeParse builds a parsed copy of the whole output and a
 * payload per value, a third of a millisecond per file on the bench texts; the answer here is the
 * same, as a plain walk.
 *
 * Sound by construction: each part answers true only where zod's parse of it has no issue (the
 * conditions below are zod 4's own, read from its parse and check functions). A part it does not
 * know (another type, another check) is handed to zod's safeParse of that part, which
 * is exact: zod's verdict on an object or array is the conjunction of its parts'. A false answer says
 * nothing the caller relies on: it then asks zod itself (repair.ts), as before.
 */
export type Check = (value: unknown) => boolean;

type AnySchema = z.core.$ZodType & { safeParse?: (v: unknown) => { success: boolean } };
interface Def {
  type: string;
  checks?: Array<{ _zod: { def: Record<string, unknown> } }>;
  shape?: Record<string, AnySchema>;
  catchall?: AnySchema;
  element?: AnySchema;
  innerType?: AnySchema;
}

const defOf = (s: AnySchema) => s._zod.def as unknown as Def;

/** zod's own parse of the part: the answer for what the compiled check does not know. */
function delegate(schema: AnySchema): Check {
  return (v) => (schema as unknown as { safeParse: (x: unknown) => { success: boolean } }).safeParse(v).success;
}

function allPass<T>(tests: ReadonlyArray<(v: T) => boolean>, v: T): boolean {
  for (let i = 0; i < tests.length; i++) if (!tests[i]!(v)) return false;
  return true;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The checks of a string, number or array as tests, or null when one of them is not known here. */
function checkTests(def: Def, known: (c: Record<string, unknown>) => ((v: never) => boolean) | null): Array<(v: never) => boolean> | null {
  const out: Array<(v: never) => boolean> = [];
  for (const c of def.checks ?? []) {
    const t = known(c._zod.def);
    if (!t) return null;
    out.push(t);
  }
  return out;
}

/** A string_format check with a pattern (z.string().regex): zod resets lastIndex and tests. */
const stringCheck = (c: Record<string, unknown>) =>
  c.check === "string_format" && c.format === "regex" && c.pattern instanceof RegExp
    ? (v: string) => { const p = c.pattern as RegExp; p.lastIndex = 0; return p.test(v); }
    : null;

/** .int() (number_format safeint: an integer in the safe range) and .min() (greater_than, inclusive or not). */
const numberCheck = (c: Record<string, unknown>) => {
  if (c.check === "number_format" && c.format === "safeint") return (v: number) => Number.isSafeInteger(v);
  if (c.check === "greater_than" && typeof c.value === "number") {
    const min = c.value;
    return c.inclusive === true ? (v: number) => v >= min : (v: number) => v > min;
  }
  return null;
};

/** .min() on an array (min_length). */
const arrayCheck = (c: Record<string, unknown>) =>
  c.check === "min_length" && typeof c.minimum === "number" ? (v: unknown[]) => v.length >= (c.minimum as number) : null;

export function compileCheck(schema: AnySchema): Check {
  const def = defOf(schema);
  switch (def.type) {
    case "string": {
      const tests = checkTests(def, stringCheck) as Array<(v: string) => boolean> | null;
      if (!tests) return delegate(schema);
      if (tests.length === 0) return (v) => typeof v === "string";
      return (v) => typeof v === "string" && allPass(tests, v);
    }
    case "number": {
      const tests = checkTests(def, numberCheck) as Array<(v: number) => boolean> | null;
      if (!tests) return delegate(schema);
      // zod: a number, not NaN, finite.
      return (v) => typeof v === "number" && Number.isFinite(v) && allPass(tests, v);
    }
    case "boolean":
      return def.checks?.length ? delegate(schema) : (v) => typeof v === "boolean";
    case "enum":
    case "literal": {
      // The set zod's parse asks.
      const values = schema._zod.values;
      return values && !def.checks?.length ? (v) => values.has(v as never) : delegate(schema);
    }
    case "nullable": {
      const inner = compileCheck(def.innerType!);
      return def.checks?.length ? delegate(schema) : (v) => v === null || inner(v);
    }
    case "optional": {
      // (A defaulted inner type substitutes a value for undefined: not known here. An exact optional,
      // `.exactOptional()`, has the same type but refuses a present undefined: asked of zod once.)
      if (def.checks?.length || def.innerType!._zod.optin === "defaulted" || !delegate(schema)(undefined)) return delegate(schema);
      const inner = compileCheck(def.innerType!);
      return (v) => v === undefined || inner(v);
    }
    case "array": {
      const tests = checkTests(def, arrayCheck) as Array<(v: unknown[]) => boolean> | null;
      if (!tests) return delegate(schema);
      const element = compileCheck(def.element!);
      return (v) => {
        if (!Array.isArray(v) || !allPass(tests, v)) return false;
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
        return true;
      };
    }
    case "object":
      return objectCheck(schema, def);
    default:
      return delegate(schema);
  }
}

/**
 * An object: zod asks each key of the shape (one that is not optional must be `in` the value), and
 * with a catchall each other key `for … in` yields (not __proto__). Then its refinements, on zod's
 * parsed copy: the shape's keys the value holds, in the shape's order. The copy made here holds the
 * values themselves where zod's holds copies of nested arrays and objects; a refinement reads its
 * object (dateSchema's compare the grain, value and end strings), so it answers the same.
 */
function objectCheck(schema: AnySchema, def: Def): Check {
  const shape = def.shape ?? {};
  if (Object.getOwnPropertySymbols(shape).length) return delegate(schema);
  const refinements: Array<(v: unknown) => unknown> = [];
  for (const c of def.checks ?? []) {
    const cd = c._zod.def;
    if (cd.check !== "custom" || typeof cd.fn !== "function" || cd.when !== undefined) return delegate(schema);
    refinements.push(cd.fn as (v: unknown) => unknown);
  }
  const fields: Array<{ key: string; check: Check; required: boolean }> = [];
  for (const key of Object.keys(shape)) {
    const field = shape[key]!;
    const optin = field._zod.optin;
    // Optional keys only as .optional() makes them (absent, or present and valid).
    if (optin !== undefined && !(optin === "optional" && defOf(field).type === "optional")) return delegate(schema);
    fields.push({ key, check: compileCheck(field), required: optin === undefined });
  }
  let rest: Check | null = null;
  if (def.catchall) {
    const c = def.catchall;
    if (defOf(c).type === "never" || c._zod.optin !== undefined) return delegate(schema);
    rest = compileCheck(c);
  }
  const keys = new Set(Object.keys(shape));
  const refined = (v: Record<string, unknown>): boolean => {
    const copy: Record<string, unknown> = {};
    for (const f of fields) if (f.key in v) copy[f.key] = v[f.key];
    try {
      for (const fn of refinements) {
        const r = fn(copy);
        // (An async refinement makes zod's synchronous parse throw: zod is asked then.)
        if (!r || r instanceof Promise) return false;
      }
    } catch {
      return false;
    }
    return true;
  };
  return (v) => {
    if (!isObject(v)) return false;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      // One load per key: only an undefined value asks whether the key is there at all (`in`, the
      // second lookup, cost as much as the load on every field of every fact).
      const x = v[f.key];
      // An absent optional key is not asked of its schema (an exact optional refuses only a present undefined).
      if (x === undefined && !(f.key in v)) {
        if (f.required) return false;
        continue;
      }
      if (!f.check(x)) return false;
    }
    if (rest) for (const k in v) if (!keys.has(k) && k !== "__proto__" && !rest(v[k])) return false;
    return refinements.length === 0 || refined(v);
  };
}
