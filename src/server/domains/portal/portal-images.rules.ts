/**
 * Photos of an article: what an upload really is (JPEG, PNG or WebP by its first bytes, never by its name or declared
 * type), its size limit, the required alt text and caption, the responsive widths made from it, and the `<figure>`
 * that shows it with width, height and `srcset`. Pure: no I/O (the resizing is portal-images.service.ts).
 */

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

export type ImageKind = 'jpeg' | 'png' | 'webp';
export const IMAGE_MAX_BYTES = 10 * 1024 * 1024;
/** The widths a photo is made in (never wider than the original); the article column is 46rem ≈ 736 CSS px. */
export const IMAGE_WIDTHS = [320, 640, 960, 1280] as const;
export const IMAGE_SIZES = '(max-width: 46rem) 100vw, 46rem';

export type ImageVerdict = { ok: true; kind: ImageKind } | { ok: false; message: string };

/** JPEG `FF D8 FF`, PNG `89 50 4E 47 0D 0A 1A 0A`, WebP `RIFF????WEBP`; anything else is refused with the reason. */
export function detectImageKind(bytes: Buffer, maxBytes = IMAGE_MAX_BYTES): ImageVerdict {
  if (bytes.length === 0) return { ok: false, message: 'Tệp ảnh trống.' };
  if (bytes.length > maxBytes) return { ok: false, message: `Ảnh vượt quá dung lượng cho phép (tối đa ${Math.round(maxBytes / 1024 / 1024)} MB).` };
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { ok: true, kind: 'jpeg' };
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { ok: true, kind: 'png' };
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return { ok: true, kind: 'webp' };
  return { ok: false, message: 'Tệp tải lên không phải ảnh JPEG, PNG hoặc WebP (kiểm tra theo nội dung tệp, không theo tên tệp).' };
}

export interface ImageText {
  alt: string;
  caption: string;
}

/** Alt text (for readers who cannot see the photo) and the caption are both required: field → Vietnamese message. */
export function imageTextProblems(input: Partial<ImageText>): { field: keyof ImageText; message: string }[] {
  const problems: { field: keyof ImageText; message: string }[] = [];
  const alt = input.alt?.trim() ?? '';
  const caption = input.caption?.trim() ?? '';
  if (alt.length < 3) problems.push({ field: 'alt', message: 'Mô tả ảnh (alt) là bắt buộc, ít nhất 3 ký tự: người đọc không xem được ảnh sẽ nghe mô tả này.' });
  else if (alt.length > 300) problems.push({ field: 'alt', message: 'Mô tả ảnh (alt) tối đa 300 ký tự.' });
  if (caption.length < 3) problems.push({ field: 'caption', message: 'Chú thích ảnh là bắt buộc, ít nhất 3 ký tự.' });
  else if (caption.length > 500) problems.push({ field: 'caption', message: 'Chú thích ảnh tối đa 500 ký tự.' });
  return problems;
}

/** The widths to make from an original `width` px wide: the standard ones below it, and the original's own when smaller. */
export function variantWidths(width: number): number[] {
  const below = IMAGE_WIDTHS.filter((w) => w < width);
  return below.length === IMAGE_WIDTHS.length ? [...below] : [...below, Math.min(width, IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1])];
}

export interface ImageVariant {
  width: number;
  height: number;
  url: string;
}

/**
 * The photo in an article body: the middle variant as `src` (for browsers without srcset), every variant in
 * `srcset`, the width and height of the largest (so the page does not jump while it loads), lazy loading, caption.
 */
export function figureHtml(variants: ImageVariant[], text: ImageText): string {
  if (variants.length === 0) throw new Error('figureHtml: no variant');
  const sorted = [...variants].sort((a, b) => a.width - b.width);
  const largest = sorted[sorted.length - 1]!;
  const fallback = sorted.find((v) => v.width >= 640) ?? largest;
  const srcset = sorted.map((v) => `${v.url} ${v.width}w`).join(', ');
  return `<figure><img src="${escapeHtml(fallback.url)}" srcset="${escapeHtml(srcset)}" sizes="${IMAGE_SIZES}" width="${largest.width}" height="${largest.height}" alt="${escapeHtml(text.alt.trim())}" loading="lazy"><figcaption>${escapeHtml(text.caption.trim())}</figcaption></figure>`;
}
