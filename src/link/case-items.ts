import { createHash } from "node:crypto";
import { byTime, type ItemRecord } from "./records.js";

/**
 * A case number in the form two writings of it agree on: upper case, no spaces, one kind of dash,
 * no "Dnr" label, no leading zeros in its numbers ("Dnr KS 2024/0123" = "KS2024/123").
 */
export function caseKey(caseNumber: string): string {
  return caseNumber
    .normalize("NFC")
    .toLocaleUpperCase("sv")
    .replace(/^\s*(?:DNR|DIARIENUMMER|DIARIENR)\.?:?\s*/u, "")
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/\s+/g, "")
    .replace(/(?<!\d)0+(?=\d)/g, "");
}

/** One item of a case's history: the case, the item, its place in time. */
export interface CaseItem {
  caseId: string;
  caseNumber: string;
  item: ItemRecord;
  seq: number;
}

const caseIdOf = (scope: string, key: string) => `c${createHash("sha256").update(`${scope}\n${key}`).digest("hex").slice(0, 12)}`;

/** Every item with a case number, grouped by case within its organisation and numbered in time order. */
export function caseItems(items: ItemRecord[]): CaseItem[] {
  const byCase = new Map<string, ItemRecord[]>();
  for (const it of items) {
    if (!it.caseNumber) continue;
    const id = caseIdOf(it.meeting.scope, caseKey(it.caseNumber));
    const list = byCase.get(id);
    if (list) list.push(it);
    else byCase.set(id, [it]);
  }
  const out: CaseItem[] = [];
  for (const [caseId, list] of byCase) {
    list.sort(byTime);
    const seen = new Set<string>();
    let seq = 0;
    for (const item of list) {
      if (seen.has(item.key)) continue;
      seen.add(item.key);
      out.push({ caseId, caseNumber: list[0]!.caseNumber!, item, seq: ++seq });
    }
  }
  return out;
}
