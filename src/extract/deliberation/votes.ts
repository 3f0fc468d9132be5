import type { ItemSegment } from "../../segment/index.js";
import { testAnywhere } from "../../text/scan.js";
import { squash } from "../../text/unicode.js";
import type { ExtractContext } from "../context.js";
import type { NameVocabulary } from "../participants/names.js";
import { namesIn } from "../participants/names.js";
import type { RawVote, VoteChoice } from "./types.js";

/** A word of voting: an item without one has no vote. */
const VOTE_WORD = /(?<![\p{L}])(?:omröstning|votering|ja-röst|nej-röst|röstar|röstade)/iu;
/**
 * What every VOTE_WORD form holds, with the same case folding ("röst" in all but "votering"): asked of
 * the item body first. Its two words are found by skipping ahead, where VOTE_WORD's six were tried at
 * nearly every letter of every item (a third of the cost over the bench texts).
 */
const VOTE_CUE = /röst|votering/iu;
const N = "(\\d{1,3})";
/** "Med 11 ja-röster mot 2 nej-röster samt 2 ledamöter som avstår", "Ja 30, Nej 20, Avstår 1", "30 ja, 20 nej och 1 avstår". */
const COUNT_PATTERNS: Array<[VoteChoice, RegExp]> = [
  ["ja", new RegExp(`${N}[ \\t]*ja(?:-?röster)?(?![\\p{L}])|(?<![\\p{L}])ja(?:-?röster)?[ \\t:]*${N}(?![\\d])`, "iu")],
  ["nej", new RegExp(`${N}[ \\t]*nej(?:-?röster)?(?![\\p{L}])|(?<![\\p{L}])nej(?:-?röster)?[ \\t:]*${N}(?![\\d])`, "iu")],
  ["avstår", new RegExp(`${N}[ \\t]*(?:ledamöter[ \\t]+(?:som[ \\t]+)?|ledamot[ \\t]+(?:som[ \\t]+)?)?(?:avstår|avstod|avstående|avst)(?![\\p{L}])|(?<![\\p{L}])(?:avstår|avstående)[ \\t:]*${N}(?![\\d])`, "iu")],
  ["frånvarande", new RegExp(`${N}[ \\t]*(?:ledamöter[ \\t]+)?frånvarande(?![\\p{L}])|(?<![\\p{L}])frånvarande[ \\t:]*${N}(?![\\d])`, "iu")],
];
const PROPOSITION = /(?<![\p{L}])ja(?:-?röst(?:en)?)?[ \t]+(?:för|innebär)[ \t]+([^,.;\n]+?)(?=[,;.]|\n|[ \t]+nej)[\s\S]*?(?<![\p{L}])nej(?:-?röst(?:en)?)?[ \t]+(?:för|innebär)[ \t]+([^,.;\n]+?)(?=[,;.]|\n|$|[ \t]+(?:Omröstning|Med|Kommun|Ordför)\p{Ll}*)/iu;
const HEADER = /^(.*?)(?<![\p{L}])Ja(?![\p{L}])(.*?)(?<![\p{L}])Nej(?![\p{L}])(?:(.*?)(?<![\p{L}])Avstår(?![\p{L}]))?/u;

/** Omröstning / votering: counts, what Ja and Nej stand for, and a named table when there is one. */
export function itemVote(ctx: ExtractContext, item: ItemSegment, nv: NameVocabulary, membersPresent: number | null): RawVote | null {
  const { text } = ctx.doc;
  const body = text.slice(item.bodyStart, item.end);
  if (!VOTE_CUE.test(body) || !testAnywhere(VOTE_WORD, body)) return null;
  const sec = item.sections.find((s) => s.role === "vote" || s.role === "procedure");
  const start = sec ? Math.min(sec.start, item.bodyStart + body.search(/omröstning|votering|ja-röst/iu)) : item.bodyStart;
  const range = { start: Math.max(item.bodyStart, start), end: item.end };
  const s = squash(text.slice(range.start, range.end));
  const counts: Record<VoteChoice, number | null> = { ja: null, nej: null, avstår: null, frånvarande: null };
  for (const [choice, re] of COUNT_PATTERNS) {
    const m = re.exec(s);
    if (m) counts[choice] = Number(m[1] ?? m[2]);
  }
  const prop = PROPOSITION.exec(s);
  const voters = namedVotes(text, range, nv);
  const tally = (c: VoteChoice) => voters.filter((v) => v.vote === c).length;
  const countsKnown = counts.ja !== null && counts.nej !== null;
  const namesAgree = voters.length > 0 && (["ja", "nej", "avstår"] as VoteChoice[]).every((c) => counts[c] === null || counts[c] === tally(c));
  const attendanceAgrees = membersPresent === null || (counts.ja ?? 0) + (counts.nej ?? 0) + (counts.avstår ?? 0) <= membersPresent;
  if (!countsKnown && voters.length === 0 && !prop) return null;
  return {
    yes: counts.ja ?? (voters.length ? tally("ja") : null),
    no: counts.nej ?? (voters.length ? tally("nej") : null),
    abstain: counts.avstår ?? (voters.length ? tally("avstår") : null),
    absent: counts.frånvarande,
    yesFor: prop ? squash(prop[1]!) : null,
    noFor: prop ? squash(prop[2]!) : null,
    voters,
    verified: countsKnown && namesAgree && attendanceAgrees,
    range,
  };
}

/** A named vote table: a header "Namn Parti Ja Nej Avstår", then a row per member with a mark in one column or the word. */
function namedVotes(text: string, range: { start: number; end: number }, nv: NameVocabulary): RawVote["voters"] {
  const lines = text.slice(range.start, range.end).split("\n");
  const out: RawVote["voters"] = [];
  let cols: Array<[VoteChoice, number]> | null = null;
  let offset = range.start;
  for (const line of lines) {
    const h = HEADER.exec(line);
    if (h && /Namn|Ledamot|Parti/iu.test(line)) {
      const ja = h[1]!.length;
      const nej = ja + 2 + h[2]!.length;
      cols = [["ja", ja], ["nej", nej]];
      if (h[3] !== undefined) cols.push(["avstår", nej + 3 + h[3].length]);
    } else if (cols) {
      const names = namesIn(text, { start: offset, end: offset + line.length }, nv, true);
      const n = names[0];
      if (n) {
        const rest = line.slice(n.end - offset);
        const party = /^[ \t]*\(?(\p{Lu}{1,4}|\p{Ll}{1,4})\)?(?=[ \t]|$)/u.exec(rest)?.[1]?.toUpperCase() ?? null;
        const word = /(?<![\p{L}])(ja|nej|avstår)(?![\p{L}])/iu.exec(rest);
        let vote: VoteChoice | null = word ? (word[1]!.toLowerCase() as VoteChoice) : null;
        if (!vote) {
          const mark = /[xX✓1]/u.exec(line.slice(n.end - offset + (party ? rest.indexOf(party) + party.length : 0)));
          if (mark) {
            const at = line.indexOf(mark[0], n.end - offset + (party ? rest.indexOf(party) + party.length : 0));
            vote = cols.reduce((best, c) => (Math.abs(c[1] - at) < Math.abs(best[1] - at) ? c : best))[0];
          }
        }
        if (vote) out.push({ name: n.name, party, vote });
      }
    }
    offset += line.length + 1;
  }
  return out;
}
