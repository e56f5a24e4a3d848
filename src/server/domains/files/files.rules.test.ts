import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { detectStoredFileKind, docxType, pdfType, safeDownloadName, zipEntryNames } from './files.rules.js';

const zipWith = async (names: string[]) => {
  const zip = new JSZip();
  for (const name of names) zip.file(name, '<x/>');
  return zip.generateAsync({ type: 'nodebuffer' });
};

describe('stored file kinds', () => {
  it('knows a PDF and a .docx by their bytes, whatever they are called', async () => {
    expect(detectStoredFileKind(Buffer.from('%PDF-1.7\n%…'), 1000)).toEqual({ ok: true, mediaType: pdfType });
    const docx = await zipWith(['[Content_Types].xml', 'word/document.xml']);
    expect(zipEntryNames(docx)).toContain('word/document.xml');
    expect(detectStoredFileKind(docx, 1_000_000)).toEqual({ ok: true, mediaType: docxType });
  });

  it('refuses an empty file, a spreadsheet zip, another file and one past the limit', async () => {
    expect(detectStoredFileKind(Buffer.alloc(0), 10)).toEqual({ ok: false, reason: 'empty' });
    expect(detectStoredFileKind(await zipWith(['xl/workbook.xml']), 1_000_000)).toEqual({ ok: false, reason: 'zip_not_docx' });
    expect(detectStoredFileKind(Buffer.from('MZ\x90\x00 not a document'), 1000)).toEqual({ ok: false, reason: 'not_pdf_or_docx' });
    expect(detectStoredFileKind(Buffer.from('PK\x03\x04 truncated zip'), 1000)).toEqual({ ok: false, reason: 'not_pdf_or_docx' });
    expect(detectStoredFileKind(Buffer.from('%PDF-1.4 long'), 5)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('gives a download name that cannot break a header', () => {
    expect(safeDownloadName('Biên bản họp "chi bộ" tháng 3.pdf')).toBe('Bien-ban-hop-chi-bo-thang-3.pdf');
    expect(safeDownloadName('"";\r\n')).toBe('tep');
  });
});
