import type { NameVocabulary } from "../participants/names.js";
import { namesIn } from "../participants/names.js";
import type { Range } from "../../types.js";

/** Named people in a stretch of text, with the party written beside each ("(S)", ", s,"). */
export function peopleIn(text: string, range: Range, nv: NameVocabulary): Array<{ name: string; party: string | null }> {
  return namesIn(text, range, nv, true).map((n) => {
    const after = text.slice(n.end, Math.min(range.end, n.end + 12));
    const m = /^[ \t]*(?:\(([\p{L}]{1,5})\)|,[ \t]*([\p{Ll}]{1,4})[ \t]*[,:])/u.exec(after);
    const party = m ? (m[1] ?? m[2])!.toUpperCase() : null;
    return { name: n.name, party };
  });
}
