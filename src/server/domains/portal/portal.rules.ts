import { foldForSearch } from '../../../shared/vietnamese.js';

/** `Bí thư Tỉnh ủy làm việc với Đảng ủy Khối` → `bi-thu-tinh-uy-lam-viec-voi-dang-uy-khoi` (at most 100 characters, whole words). */
export function slugify(title: string): string {
  const words = foldForSearch(title)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > 100) break;
    slug = next;
  }
  return slug || 'bai-viet';
}

/** The words of a reader's query, folded; what `to_tsvector('simple', …)` would make of them. */
export function searchWords(query: string): string[] {
  return foldForSearch(query)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .slice(0, 12);
}
