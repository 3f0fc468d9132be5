import { RULES } from "./rules.js";

/**
 * The rule ids behind an internal fact (issue 15): a flat list (each id files itself under the
 * output fields the registry says it sets) or ids keyed by output field name.
 */
export type RuleTrail = readonly string[] | Readonly<Record<string, readonly string[]>>;

/** The JSON `evidence` of a fact: output field name → rule ids; `found` holds the rules that found the fact itself. */
export type Evidence = { found: string[] } & Record<string, string[]>;

/** Records that `id` decided `field` of a fact (its `rules` become keyed by field). */
export function noteRule(fact: { rules?: RuleTrail }, field: string, id: string): void {
  const trail = keyed(fact.rules);
  const ids = (trail[field] ??= []);
  if (!ids.includes(id)) ids.push(id);
  fact.rules = trail;
}

/** Both trails of two facts merged into one (the same person read twice, say). */
export function mergeRules(a: RuleTrail | undefined, b: RuleTrail | undefined): Record<string, string[]> {
  const out = keyed(a);
  const other = keyed(b);
  for (const field in other) out[field] = [...new Set([...(out[field] ?? []), ...other[field]!])];
  return out;
}

/** The fields an id without its own `sets` files itself under. */
const FOUND: readonly string[] = ["found"];

/**
 * A trail keyed by field, in new arrays. (The keys are read with for…in, in the order
 * Object.entries gives for a plain object, without its array of pairs: this runs for every fact.)
 */
function keyed(trail: RuleTrail | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!trail) return out;
  if (isList(trail)) {
    for (const id of trail) {
      for (const field of RULES[id]?.sets ?? FOUND) {
        const ids = (out[field] ??= []);
        if (!ids.includes(id)) ids.push(id);
      }
    }
    return out;
  }
  for (const field in trail) out[field] = trail[field]!.slice();
  return out;
}

const isList = (t: RuleTrail): t is readonly string[] => Array.isArray(t);

/**
 * A fact's evidence: its trail by field, every non-empty field of `values` given an id (the
 * extractor path's coarse id when no rule said), and `found` never empty.
 */
export function toEvidence(trail: RuleTrail | undefined, coarse: string, values: Record<string, unknown> = {}): Evidence {
  const byField = keyed(trail);
  const out: Record<string, string[]> = { found: byField.found?.length ? byField.found : [coarse] };
  for (const field in byField) if (field !== "found" && byField[field]!.length) out[field] = byField[field]!;
  for (const field in values) {
    const value = values[field];
    const empty = value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
    if (empty) delete out[field];
    else out[field] ??= [coarse];
  }
  return out as Evidence;
}
