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

/**
 * The rules made once per rules object, for chooseLabel, which runs on every line: each rule's
 * conditions as a list and its label as an index into LINE_LABELS, the base scores as an array.
 */
interface CompiledRules {
  rules: Array<{ rule: LineRule; label: number; when: Array<[FeatureName, Condition]> }>;
  base: number[];
  /** Which labels have a base score (an unscored label is left out of a choice's scores). */
  hasBase: boolean[];
  /** The base labels' indexes, in the rules file's order. */
  baseOrder: number[];
}

const compiledRules = new WeakMap<LineRules, CompiledRules>();

function compile(rules: LineRules): CompiledRules {
  let c = compiledRules.get(rules);
  if (!c) {
    c = {
      rules: rules.rules.map((rule) => ({ rule, label: LINE_LABELS.indexOf(rule.label), when: Object.entries(rule.when) as Array<[FeatureName, Condition]> })),
      base: LINE_LABELS.map((l) => rules.base[l] ?? 0),
      hasBase: LINE_LABELS.map((l) => rules.base[l] !== undefined),
      baseOrder: (Object.keys(rules.base) as LineLabel[]).map((l) => LINE_LABELS.indexOf(l)),
    };
    compiledRules.set(rules, c);
  }
  return c;
}

function fires(when: Array<[FeatureName, Condition]>, f: LineFeatures): boolean {
  for (const [k, c] of when) if (!holds(c, f[k])) return false;
  return true;
}

const BODY = LINE_LABELS.indexOf("body");

/** The label whose fired rules weigh most; ties go to the earlier label of LINE_LABELS. */
export function chooseLabel(rules: LineRules, f: LineFeatures): LabelChoice {
  const c = compile(rules);
  const sum = c.base.slice();
  // The labels in the order a score object would have gained them: base labels first, then as rules fire.
  const order: number[] = [];
  const fired: number[] = [];
  for (let i = 0; i < c.rules.length; i++) {
    const r = c.rules[i]!;
    if (!fires(r.when, f)) continue;
    if (!c.hasBase[r.label] && !order.includes(r.label)) order.push(r.label);
    sum[r.label]! += r.rule.weight;
    fired.push(i);
  }
  let best = BODY;
  for (let l = 0; l < LINE_LABELS.length; l++) if (sum[l]! > sum[best]!) best = l;
  const scores: Partial<Record<LineLabel, number>> = {};
  for (const l of c.baseOrder) scores[LINE_LABELS[l]!] = sum[l]!;
  for (const l of order) scores[LINE_LABELS[l]!] = sum[l]!;
  const ids = fired.filter((i) => c.rules[i]!.label === best).map((i) => c.rules[i]!.rule.id);
  return { label: LINE_LABELS[best]!, score: sum[best]!, rules: ids.length ? ids : ["line/base"], scores };
}
