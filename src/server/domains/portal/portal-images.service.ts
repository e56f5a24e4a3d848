/**
 * The responsive variants of an uploaded photo, made with sharp: checked by content first (portal-images.rules.ts),
 * turned upright by its EXIF orientation, stripped of its metadata (camera, place), re-encoded as WebP in each width.
 * The caller stores the variants beside the other stored files (by SHA-256) and puts `figureHtml` in the body.
 */
import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { invalidField } from '../../errors.js';
import { detectImageKind, variantWidths, type ImageKind } from './portal-images.rules.js';

export interface MadeVariant {
  width: number;
  height: number;
  bytes: Buffer;
  sha256: string;
}

/** The pixels an image may have at most (a small file can still decode into a huge bitmap). */
const MAX_PIXELS = 50_000_000;

export async function makeImageVariants(bytes: Buffer, field = 'file'): Promise<{ kind: ImageKind; width: number; height: number; variants: MadeVariant[] }> {
  const verdict = detectImageKind(bytes);
  if (!verdict.ok) throw invalidField(field, verdict.message);
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw invalidField(field, 'Không đọc được ảnh: tệp bị hỏng hoặc quá lớn (tối đa 50 triệu điểm ảnh).');
  }
  // EXIF orientations 5–8 turn the photo a quarter: its upright width is the stored height.
  const turned = (meta.orientation ?? 1) >= 5;
  const width = (turned ? meta.height : meta.width) ?? 0;
  const height = (turned ? meta.width : meta.height) ?? 0;
  if (width < 1 || height < 1) throw invalidField(field, 'Không đọc được kích thước ảnh.');
  const variants: MadeVariant[] = [];
  for (const w of variantWidths(width)) {
    const out = await sharp(bytes, { limitInputPixels: MAX_PIXELS })
      .rotate()
      .resize({ width: w, withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    variants.push({ width: out.info.width, height: out.info.height, bytes: out.data, sha256: createHash('sha256').update(out.data).digest('hex') });
  }
  return { kind: verdict.kind, width, height, variants };
}
