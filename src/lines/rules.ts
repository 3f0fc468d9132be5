import { readFileSync } from "node:fs";
import { z } from "zod";
import { packageUrl } from "../package-root.js";
import type { FeatureName, LineFeatures } from "./features.js";

export const LINE_LABELS = [
  "title", "label", "value", "attendance-heading", "person", "item-header", "section-heading",
  "body", "signature", "furniture", "toc", "attachment-list",
] as const;
export type LineLabel = (typeof LINE_LABELS)[number];

const condition = z.union([
  z.boolean(),
  z.number(),
  z.enum(["set", "unset"]),
  z.string(),
  z.object({ min: z.number().optional(), max: z.number().optional() }).strict(),
]);

export const lineRulesSchema = z.object({
  description: z.string(),
  base: z.partialRecord(z.enum(LINE_LABELS), z.number()),
  rules: z.array(
    z.object({
      id: z.string().regex(/^line\/[a-z0-9-]+$/),
      label: z.enum(LINE_LABELS),
      weight: z.number().positive(),
      when: z.record(z.string(), condition),
    }).strict(),
  ).min(1),
});

export type LineRules = z.infer<typeof lineRulesSchema>;
export type LineRule = LineRules["rules"][number];
type Condition = z.infer<typeof condition>;

/** The rules file, validated: a rule naming a feature that does not exist is an error, not a silent miss. */
export function loadLineRules(url: URL = packageUrl("lexicon/rules/lines.json")): LineRules {
  const rules = lineRulesSchema.parse(JSON.parse(readFileSync(url, "utf8")));
  return rules;
}

export function checkFeatureNames(rules: LineRules, known: readonly string[]): void {
  for (const r of rules.rules) for (const f of Object.keys(r.when)) if (!known.includes(f)) throw new Error(`line rule ${r.id}: unknown feature ${f}`);
}

function holds(c: Condition, v: LineFeatures[FeatureName]): boolean {
  if (c === "set") return v !== null && v !== undefined;
  if (c === "unset") return v === null || v === undefined;
  if (typeof c === "boolean" || typeof c === "string") return v === c;
  if (typeof c === "number") return v === c;
  if (typeof v !== "number") return false;
  return (c.min === undefined || v >= c.min) && (c.max === undefined || v <= c.max);
}

export interface LabelChoice {
  label: LineLabel;
  score: number;
  /** Ids of the fired rules for the chosen label. */
  rules: string[];
  /** Every label's score (for the block layer's emission costs). */
  scores: Partial<Record<LineLabel, number>>;
}

/** A rule with its conditions as a list, made once per rules object: chooseLabel runs on every line. */
interface CompiledRule {
  rule: LineRule;
  when: Array<[FeatureName, Condition]>;
}

const compiledRules = new WeakMap<LineRules, CompiledRule[]>();

function compile(rules: LineRules): CompiledRule[] {
  let c = compiledRules.get(rules);
  if (!c) compiledRules.set(rules, (c = rules.rules.map((rule) => ({ rule, when: Object.entries(rule.when) as Array<[FeatureName, Condition]> }))));
  return c;
}

function fires(when: Array<[FeatureName, Condition]>, f: LineFeatures): boolean {
  for (const [k, c] of when) if (!holds(c, f[k])) return false;
  return true;
}

/** The label whose fired rules weigh most; ties go to the earlier label of LINE_LABELS. */
export function chooseLabel(rules: LineRules, f: LineFeatures): LabelChoice {
  const scores: Partial<Record<LineLabel, number>> = { ...rules.base };
  const fired: Partial<Record<LineLabel, string[]>> = {};
  for (const { rule: r, when } of compile(rules)) {
    if (!fires(when, f)) continue;
    scores[r.label] = (scores[r.label] ?? 0) + r.weight;
    (fired[r.label] ??= []).push(r.id);
  }
  let best: LineLabel = "body";
  for (const l of LINE_LABELS) if ((scores[l] ?? 0) > (scores[best] ?? 0)) best = l;
  return { label: best, score: scores[best] ?? 0, rules: fired[best] ?? ["line/base"], scores };
}
