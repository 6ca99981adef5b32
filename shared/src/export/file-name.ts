/** A file-system friendly stem: "Engineering Manager ladder" → "engineering-manager-ladder". */
export function fileStem(name: string, fallback = 'ladder'): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return stem || fallback;
}
