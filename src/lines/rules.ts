import { readFileSync } from "node:fs";
import { z } from "zod";
import { packageUrl } from "../package-root.js";
import { QUESTION_NAMES, type FeatureName, type LineFeatures, type LineQuestions } from "./features.js";

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

type FeatureValue = LineFeatures[keyof LineFeatures] | boolean;

function holds(c: Condition, v: FeatureValue): boolean {
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
}

/**
 * The rules made once per rules object, for chooseLabel, which runs on every line: each rule's
 * conditions as a list and its label as an index into LINE_LABELS, the base scores as an array.
 */
interface CompiledRules {
  rules: Array<{ rule: LineRule; label: number; when: Array<[FeatureName, Condition]> }>;
  /** Every rule's conditions as one function: the indexes of the rules that fire on a line's features, in order. */
  fired: (f: LineFeatures, ask: LineQuestions, out: number[]) => void;
  base: number[];
}

const compiledRules = new WeakMap<LineRules, CompiledRules>();

function compile(rules: LineRules): CompiledRules {
  let c = compiledRules.get(rules);
  if (!c) {
    const compiled = rules.rules.map((rule) => ({ rule, label: LINE_LABELS.indexOf(rule.label), when: Object.entries(rule.when) as Array<[FeatureName, Condition]> }));
    c = {
      rules: compiled,
      fired: firedFunction(compiled.map((r) => r.when)),
      base: LINE_LABELS.map((l) => rules.base[l] ?? 0),
    };
    compiledRules.set(rules, c);
  }
  return c;
}

const isQuestion = (k: FeatureName): k is keyof LineQuestions => (QUESTION_NAMES as readonly string[]).includes(k);

/** A feature's value on a line: kept in its features, or asked of its questions. */
function valueOf(k: FeatureName, f: LineFeatures, ask: LineQuestions): FeatureValue {
  return isQuestion(k) ? ask[k]() : f[k];
}

/** Whether every condition of a rule holds (the reading firedFunction's code must agree with). */
export function fires(when: Array<[FeatureName, Condition]>, f: LineFeatures, ask: LineQuestions): boolean {
  for (const [k, c] of when) if (!holds(c, valueOf(k, f, ask))) return false;
  return true;
}

/** One condition as a JavaScript expression over `f` and `ask`, meaning what holds() means. */
function conditionCode(k: FeatureName, c: Condition): string {
  // A question asked once, its answer in `v` for the condition's tests.
  if (isQuestion(k)) return `(v = ask[${JSON.stringify(k)}](), ${valueCode("v", c)})`;
  return valueCode(`f[${JSON.stringify(k)}]`, c);
}

/** A condition on the value expression v. */
function valueCode(v: string, c: Condition): string {
  if (c === "set") return `(${v} !== null && ${v} !== undefined)`;
  if (c === "unset") return `(${v} === null || ${v} === undefined)`;
  if (typeof c !== "object") return `${v} === ${JSON.stringify(c)}`;
  const bounds = [`typeof ${v} === "number"`];
  if (c.min !== undefined) bounds.push(`${v} >= ${JSON.stringify(c.min)}`);
  if (c.max !== undefined) bounds.push(`${v} <= ${JSON.stringify(c.max)}`);
  return `(${bounds.join(" && ")})`;
}

/**
 * The rules' conditions compiled into one function, once per rules object: chooseLabel runs on
 * every line, and reading each condition from the rules data there (a loop, a switch on its kind,
 * a property looked up by name) was a fifth of labelling a line. The code is made only from
 * validated rules: feature names checked against the features, values written as JSON literals.
 */
function firedFunction(rules: Array<Array<[FeatureName, Condition]>>): (f: LineFeatures, ask: LineQuestions, out: number[]) => void {
  const body = rules.map((when, i) => `if (${when.length ? questionsLast(when).map(([k, c]) => conditionCode(k, c)).join(" && ") : "true"}) out.push(${i});`).join("\n");
  return new Function("f", "ask", "out", `let v;\n${body}`) as (f: LineFeatures, ask: LineQuestions, out: number[]) => void;
}

/**
 * A rule's conditions with those on questions after the rest: a question is asked only when all
 * else holds. The conditions have no effects, so their order does not change whether a rule fires.
 */
function questionsLast(when: Array<[FeatureName, Condition]>): Array<[FeatureName, Condition]> {
  return [...when.filter(([k]) => !isQuestion(k)), ...when.filter(([k]) => isQuestion(k))];
}

/** The indexes of the rules that fire on f, by the compiled conditions (for tests against fires()). */
export function firedRules(rules: LineRules, f: LineFeatures, ask: LineQuestions): number[] {
  const out: number[] = [];
  compile(rules).fired(f, ask, out);
  return out;
}

const BODY = LINE_LABELS.indexOf("body");

/** chooseLabel's sums and fired rules, reused line after line: fresh arrays per line were most of what labelling allocated. */
const SUM = new Float64Array(LINE_LABELS.length);
const FIRED: number[] = [];

/** The label whose fired rules weigh most; ties go to the earlier label of LINE_LABELS. */
export function chooseLabel(rules: LineRules, f: LineFeatures, ask: LineQuestions): LabelChoice {
  const c = compile(rules);
  const sum = SUM;
  for (let l = 0; l < LINE_LABELS.length; l++) sum[l] = c.base[l]!;
  const fired = FIRED;
  fired.length = 0;
  c.fired(f, ask, fired);
  for (const i of fired) {
    const r = c.rules[i]!;
    sum[r.label]! += r.rule.weight;
  }
  let best = BODY;
  for (let l = 0; l < LINE_LABELS.length; l++) if (sum[l]! > sum[best]!) best = l;
  const ids: string[] = [];
  for (const i of fired) if (c.rules[i]!.label === best) ids.push(c.rules[i]!.rule.id);
  return { label: LINE_LABELS[best]!, score: sum[best]!, rules: ids.length ? ids : ["line/base"] };
}
