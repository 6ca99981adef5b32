/**
 * Text normalisation for comparing what a source document says with what a ladder holds:
 * Unicode compatibility forms, one kind of quote and dash, no emphasis markers, single spaces.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[*_]/g, '')
    .replace(/[\s\u00a0\u200b\ufeff]+/g, ' ')
    .trim();
}
