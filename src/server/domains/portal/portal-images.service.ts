/**
 * The responsive variants of an uploaded photo, made with sharp: checked by content first (portal-images.rules.ts),
 * turned upright by its EXIF orientation, stripped of its metadata (camera, place), re-encoded as WebP in each width.
 * The caller stores the variants beside the other stored files (by SHA-256) and puts `figureHtml` in the body.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import sharp, { type Metadata } from 'sharp';
import { inTransaction, type Ctx } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { invalidField, invalidInput, notFound, notFoundField } from '../../errors.js';
import { isPathInScope } from '../../scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { keepStoredBytes, receiveUpload, storedFilePath } from '../files/files.service.js';
import type { PortalImage, PortalImageUploadQuery, PortalImageVariantStored } from '../../../shared/portal.js';
import { detectImageKind, figureHtml, IMAGE_MAX_BYTES, imageTextProblems, variantWidths, type ImageKind } from './portal-images.rules.js';
import { findArticle, findCategory, findImage, insertImage, type ImageRow } from './portal.queries.js';

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

/** A variant's public address: the photo's id, the width and the start of the bytes' hash (a new file, a new name). */
export const imageVariantUrl = (imageId: number, width: number, sha256: string) => `/tin-tuc/anh/${imageId}-${width}-${sha256.slice(0, 16)}.webp`;
const variantName = /^([1-9][0-9]{0,9})-([1-9][0-9]{0,4})-([0-9a-f]{16})\.webp$/;

export function portalImageView(row: ImageRow): PortalImage {
  const variants = row.variants.map((v) => ({ width: v.width, height: v.height, url: imageVariantUrl(row.id, v.width, v.sha256) }));
  return {
    id: row.id,
    categoryId: row.categoryId,
    articleId: row.articleId,
    alt: row.alt,
    caption: row.caption,
    width: row.width,
    height: row.height,
    variants,
    figureHtml: figureHtml(variants, row),
    uploadedByName: row.uploadedByName,
    uploadedAt: row.uploadedAt,
  };
}

/**
 * A photo for a section (and one of its articles), by an editor of that section: the role, then the section and the
 * article in the scope (404 outside, nothing read), then the alt text and caption, then the bytes (checked by content,
 * within the limit) and their WebP variants. The variants are written beside the other stored files, named by their
 * hash (an interrupted upload leaves at most an unreferenced file, never a row without its bytes); the row and its audit
 * are one transaction.
 */
export async function uploadImage(ctx: Ctx, categoryId: number, query: PortalImageUploadQuery, body: Readable | Buffer): Promise<PortalImage> {
  assertCan(ctx, 'portal.edit');
  if (ctx.actor.scope.kind === 'self') throw notFound('chuyên mục');
  const category = await findCategory(ctx.db, categoryId);
  if (!category || !isPathInScope(ctx.actor.scope, category.orgPath)) throw notFound('chuyên mục');
  if (query.articleId !== undefined) {
    const article = await findArticle(ctx.db, query.articleId);
    if (!article || article.categoryId !== category.id || !isPathInScope(ctx.actor.scope, article.orgPath))
      throw notFoundField('articleId', 'tin bài của chuyên mục này');
  }
  const problems = imageTextProblems(query);
  if (problems.length > 0) throw invalidInput(problems, problems[0]!.message);
  const bytes = await receiveUpload(
    body,
    IMAGE_MAX_BYTES,
    'file',
    `Ảnh vượt quá dung lượng cho phép (tối đa ${Math.round(IMAGE_MAX_BYTES / 1024 / 1024)} MB).`,
  );
  const made = await makeImageVariants(bytes, 'file');
  const variants: PortalImageVariantStored[] = [];
  for (const v of made.variants) variants.push({ width: v.width, height: v.height, sha256: await keepStoredBytes(v.bytes), sizeBytes: v.bytes.length });
  return inTransaction(ctx, async (tx) => {
    const row = await insertImage(tx.db, {
      categoryId: category.id,
      articleId: query.articleId ?? null,
      orgPath: category.orgPath,
      alt: query.alt.trim(),
      caption: query.caption.trim(),
      originalName: query.filename.trim().slice(0, 255),
      width: made.width,
      height: made.height,
      variants,
      uploadedBy: tx.actor.userId,
      uploadedByName: tx.actor.name,
      uploadedAt: tx.now(),
    });
    await recordAudit(tx, [{ entity: 'portal_image', entityId: row.id, action: 'create', after: row }]);
    return portalImageView(row);
  });
}

/**
 * The file of a public variant address, or null (an unknown photo, width or hash, or bytes missing on disk). Public:
 * a photo is shown by the article it is put in; its address carries the hash of its bytes, so it cannot be guessed.
 */
export async function imageVariantFile(ctx: Ctx, name: string): Promise<{ path: string; sizeBytes: number } | null> {
  const match = variantName.exec(name);
  if (!match) return null;
  const id = Number(match[1]);
  if (id > 2_147_483_647) return null;
  const row = await findImage(ctx.db, id);
  const variant = row?.variants.find((v) => v.width === Number(match[2]) && v.sha256.startsWith(match[3]!));
  if (!variant) return null;
  const path = storedFilePath(variant.sha256);
  const found = await stat(path).catch(() => null);
  if (found?.size !== variant.sizeBytes) {
    ctx.log.error({ imageId: id, sha256: variant.sha256 }, 'portal image variant missing from the files folder');
    return null;
  }
  return { path, sizeBytes: variant.sizeBytes };
}
