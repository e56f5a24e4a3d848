/**
 * What an uploaded file really is, from its bytes: a PDF starts with `%PDF-`; a .docx is a zip whose central
 * directory names `word/document.xml`. The name and the declared type are never believed (a renamed .exe stays
 * refused). Pure: works on the bytes already received.
 */
import type { StoredFileMediaType } from '../../../shared/files.js';

export const pdfType: StoredFileMediaType = 'application/pdf';
export const docxType: StoredFileMediaType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type FileKindVerdict = { ok: true; mediaType: StoredFileMediaType } | { ok: false; reason: 'empty' | 'not_pdf_or_docx' | 'zip_not_docx' | 'too_large' };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** Names in a zip's central directory (null when the bytes are not a readable zip). */
export function zipEntryNames(bytes: Buffer): string[] | null {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) return null;
  // The end-of-central-directory record sits in the last 22 bytes plus a comment of at most 65,535.
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i -= 1) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** PDF or .docx by content, within the size limit. */
export function detectStoredFileKind(bytes: Buffer, maxBytes: number): FileKindVerdict {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > maxBytes) return { ok: false, reason: 'too_large' };
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return { ok: true, mediaType: pdfType };
  const names = zipEntryNames(bytes);
  if (names === null) return { ok: false, reason: 'not_pdf_or_docx' };
  return names.includes('word/document.xml') ? { ok: true, mediaType: docxType } : { ok: false, reason: 'zip_not_docx' };
}

/** The Vietnamese refusal for a verdict, naming the rule (what the product accepts). */
export function storedFileRefusal(reason: Exclude<FileKindVerdict, { ok: true }>['reason'], maxBytes: number): string {
  switch (reason) {
    case 'empty':
      return 'Tệp rỗng: hãy chọn lại tệp biên bản/văn bản (PDF hoặc .docx).';
    case 'too_large':
      return `Tệp vượt giới hạn ${Math.round(maxBytes / 1024 / 1024)} MB cho tệp đính kèm (cấu hình DANGVU_FILE_MAX_MB).`;
    case 'zip_not_docx':
      return 'Tệp là tệp nén nhưng không phải văn bản Word (.docx): chỉ nhận tệp PDF hoặc .docx, kiểm tra theo nội dung tệp.';
    default:
      return 'Tệp không phải PDF hoặc Word (.docx): chỉ nhận tệp PDF hoặc .docx, kiểm tra theo nội dung tệp chứ không theo tên.';
  }
}

/** Letters, digits and a few marks only: a download name can never break a header or a path. */
export function safeDownloadName(name: string): string {
  const cleaned = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cleaned.slice(0, 120) || 'tep';
}
