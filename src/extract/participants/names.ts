/** A personal name: 2–4 capitalised words, hyphens, particles (von, af, de), initials ("Jan W Kjellberg"). */
const WORD = `\\p{Lu}[\\p{Ll}’']+(?:-\\p{Lu}[\\p{Ll}’']+)?`;
const INITIAL = `\\p{Lu}\\.?(?=[ \\t]+\\p{Lu})`;
const PARTICLE = `(?:(?:von|van|af|de|der|la|du)[ \\t]+)`;

export const NAME_RE = new RegExp(
  `(?<![\\p{L}\\p{N}-])${WORD}(?:[ \\t]+${PARTICLE}?(?:${WORD}|${INITIAL})){1,3}(?![\\p{L}])`,
  "gu",
);

/** Words that start organisations and places, never people. */
const NOT_A_FIRST_WORD = new Set([
  "region", "regionen", "landstinget", "kommun", "kommunen", "länsstyrelsen", "se", "enligt", "protokollet", "justeringens",
  "plats", "tid", "datum", "organ", "ordförande", "sekreterare", "justerare", "justerande", "beslutande", "ersättare",
  "övriga", "närvarande", "frånvarande", "tjänstgörande", "underskrifter", "paragrafer", "sammanträdesdatum", "anslag",
  "förvaringsplats", "utses", "kommunstyrelsen", "kommunfullmäktige", "västra", "norra", "södra", "östra", "stora",
  "folkets", "mälardalens", "sveriges", "vice", "förvaltningsbyggnaden", "kommunhuset", "stadshuset", "regionhuset",
  "hälso", "nära", "för", "från", "vid", "med", "och", "samt", "information", "beslut", "dagordning", "mötets",
]);

export function plausibleName(name: string): boolean {
  const words = name.split(/[ \t]+/);
  const first = words[0]!.toLowerCase();
  if (NOT_A_FIRST_WORD.has(first)) return false;
  if (words.some((w) => /(?:nämnden|styrelsen|fullmäktige|utskottet|förvaltningen|regionen|kommun|förbundet|avdelningen|enheten|huset|gatan|vägen|torget)$/iu.test(w))) return false;
  return true;
}
