import type { DateRule } from "./rules.js";
import type { RawMention } from "./types.js";

/** All rule matches, then the longest non-overlapping ones (earlier rule on a tie). */
export function scan(text: string, rules: DateRule[]): RawMention[] {
  const found: Array<RawMention & { order: number }> = [];
  rules.forEach((r, order) => {
    r.pattern.lastIndex = 0;
    for (const m of text.matchAll(r.pattern)) {
      const built = r.build(m as RegExpExecArray);
      if (!built) continue;
      found.push({ ...built, rule: r.id, index: m.index, lastIndex: m.index + m[0].length, order });
    }
  });
  found.sort((a, b) => b.lastIndex - b.index - (a.lastIndex - a.index) || a.order - b.order || a.index - b.index);
  const taken: RawMention[] = [];
  const overlaps = (a: RawMention) => taken.some((t) => a.index < t.lastIndex && t.index < a.lastIndex);
  for (const f of found) if (!overlaps(f)) taken.push(f);
  return taken.sort((a, b) => a.index - b.index).map(({ ...m }) => {
    delete (m as { order?: number }).order;
    return m;
  });
}
