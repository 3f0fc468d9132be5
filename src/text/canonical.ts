/**
 * The one canonical text every span points into: NFC, LF line ends, no NUL bytes.
 * Soft hyphens and zero-width characters are dropped so words match; NBSP becomes a space.
 */
export function canonicalize(raw: string): string {
  return raw
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000\u00ad\u200b\u200c\u200d\u2060\ufeff]/g, "")
    .replace(/[\u00a0\u202f\u2007]/g, " ")
    .replace(/[\u2028\u2029]/g, "\n")
    .normalize("NFC");
}
