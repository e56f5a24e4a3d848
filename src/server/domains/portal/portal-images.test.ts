import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { detectImageKind, figureHtml, imageTextProblems, variantWidths } from './portal-images.rules.js';
import { makeImageVariants } from './portal-images.service.js';
import { sanitizeArticleHtml } from './portal-sanitize.js';

const photo = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#a51d1d' } });

describe('an uploaded photo', () => {
  it('is recognised by its bytes: JPEG, PNG and WebP pass; a renamed text, a PDF, an empty or oversized file are refused', async () => {
    expect(detectImageKind(await photo(8, 8).jpeg().toBuffer())).toEqual({ ok: true, kind: 'jpeg' });
    expect(detectImageKind(await photo(8, 8).png().toBuffer())).toEqual({ ok: true, kind: 'png' });
    expect(detectImageKind(await photo(8, 8).webp().toBuffer())).toEqual({ ok: true, kind: 'webp' });
    for (const bytes of [Buffer.from('<script>alert(1)</script>'), Buffer.from('%PDF-1.7\n'), Buffer.from('GIF89a')])
      expect(detectImageKind(bytes)).toMatchObject({ ok: false, message: expect.stringContaining('không phải ảnh JPEG, PNG hoặc WebP') });
    expect(detectImageKind(Buffer.alloc(0))).toEqual({ ok: false, message: 'Tệp ảnh trống.' });
    expect(detectImageKind(Buffer.alloc(2048, 0xff), 1024)).toMatchObject({ ok: false, message: expect.stringContaining('vượt quá dung lượng') });
  });

  it('needs its alt text and caption, each refusal naming its field in Vietnamese', () => {
    expect(imageTextProblems({})).toEqual([
      { field: 'alt', message: expect.stringContaining('Mô tả ảnh (alt) là bắt buộc') },
      { field: 'caption', message: expect.stringContaining('Chú thích ảnh là bắt buộc') },
    ]);
    expect(imageTextProblems({ alt: 'Bí thư Tỉnh ủy phát biểu', caption: 'Đồng chí Bí thư Tỉnh ủy phát biểu tại buổi làm việc' })).toEqual([]);
  });

  it('is made in the responsive widths below its own, upright, as WebP', async () => {
    expect(variantWidths(2000)).toEqual([320, 640, 960, 1280]);
    expect(variantWidths(800)).toEqual([320, 640, 800]);
    expect(variantWidths(200)).toEqual([200]);
    const made = await makeImageVariants(await photo(1000, 500).jpeg().toBuffer());
    expect(made).toMatchObject({ kind: 'jpeg', width: 1000, height: 500 });
    expect(made.variants.map((v) => [v.width, v.height])).toEqual([
      [320, 160],
      [640, 320],
      [960, 480],
      [1000, 500],
    ]);
    for (const v of made.variants) expect(detectImageKind(v.bytes)).toEqual({ ok: true, kind: 'webp' });
    await expect(makeImageVariants(Buffer.from('not an image at all'))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('shows in the body with width, height, srcset and its caption, and survives the allow-list (a javascript: entry does not)', () => {
    const html = figureHtml(
      [
        { width: 320, height: 160, url: '/tin-tuc/anh/abc-320.webp' },
        { width: 640, height: 320, url: '/tin-tuc/anh/abc-640.webp' },
      ],
      { alt: 'Quang cảnh hội nghị', caption: 'Quang cảnh hội nghị <b>ngày 22/11</b>' },
    );
    expect(html).toContain('src="/tin-tuc/anh/abc-640.webp"');
    expect(html).toContain('srcset="/tin-tuc/anh/abc-320.webp 320w, /tin-tuc/anh/abc-640.webp 640w"');
    expect(html).toContain('width="640" height="320"');
    expect(html).toContain('<figcaption>Quang cảnh hội nghị &lt;b&gt;ngày 22/11&lt;/b&gt;</figcaption>');
    const clean = sanitizeArticleHtml(html);
    expect(clean).toContain('srcset="/tin-tuc/anh/abc-320.webp 320w, /tin-tuc/anh/abc-640.webp 640w"');
    expect(clean).toContain('loading="lazy"');
    expect(sanitizeArticleHtml('<img src="/a.webp" srcset="javascript:alert(1) 320w, //evil.example/x.webp 640w, /a-320.webp 320w" alt="x">')).toBe(
      '<img src="/a.webp" srcset="/a-320.webp 320w" alt="x" />',
    );
  });
});
