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
  for (const [field, ids] of Object.entries(keyed(b))) out[field] = [...new Set([...(out[field] ?? []), ...ids])];
  return out;
}

function keyed(trail: RuleTrail | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!trail) return out;
  if (isList(trail)) {
    for (const id of trail) for (const field of RULES[id]?.sets ?? ["found"]) (out[field] ??= []).includes(id) || out[field]!.push(id);
    return out;
  }
  for (const [field, ids] of Object.entries(trail)) out[field] = [...ids];
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
  for (const [field, ids] of Object.entries(byField)) if (field !== "found" && ids.length) out[field] = ids;
  for (const [field, value] of Object.entries(values)) {
    const empty = value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
    if (empty) delete out[field];
    else out[field] ??= [coarse];
  }
  return out as Evidence;
}
