import { describe, expect, it } from 'vitest';
import { searchWords, slugify } from './portal.rules.js';
import { htmlToText, sanitizeArticleHtml, searchTextOf } from './portal-sanitize.js';

describe('sanitizeArticleHtml', () => {
  const vectors: [string, string][] = [
    ['<p>Tin</p><script>alert(1)</script>', '<p>Tin</p>'],
    ['<p onclick="alert(1)">Tin</p>', '<p>Tin</p>'],
    ['<img src="x" onerror="alert(1)" alt="Ảnh">', '<img src="x" alt="Ảnh" />'],
    ['<a href="javascript:alert(1)">bấm</a>', '<a rel="noopener noreferrer">bấm</a>'],
    ['<a href=" JaVaScRiPt:alert(1)">bấm</a>', '<a rel="noopener noreferrer">bấm</a>'],
    ['<a href="java&#x09;script:alert(1)">bấm</a>', '<a rel="noopener noreferrer">bấm</a>'],
    ['<a href="data:text/html;base64,PHNjcmlwdD4=">bấm</a>', '<a rel="noopener noreferrer">bấm</a>'],
    ['<img src="data:image/svg+xml,<svg onload=alert(1)>">', ''],
    ['<p style="background:url(javascript:alert(1))">Tin</p>', '<p>Tin</p>'],
    ['<style>body{display:none}</style><p>Tin</p>', '<p>Tin</p>'],
    ['<svg><script>alert(1)</script><circle/></svg><p>Tin</p>', '<p>Tin</p>'],
    ['<iframe src="https://evil.example"></iframe><p>Tin</p>', '<p>Tin</p>'],
    ['<object data="x.swf"></object><embed src="x.swf"><p>Tin</p>', '<p>Tin</p>'],
    ['<form action="https://evil.example"><input name="p"></form><p>Tin</p>', '<p>Tin</p>'],
    ['<p class="x" id="y">Tin</p>', '<p>Tin</p>'],
    ['<math><mi xlink:href="javascript:alert(1)">x</mi></math><p>Tin</p>', '<p>Tin</p>'],
    ['<a href="//evil.example/x">bấm</a>', '<a rel="noopener noreferrer">bấm</a>'],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example"><p>Tin</p>', '<p>Tin</p>'],
    ['<base href="https://evil.example/"><p>Tin</p>', '<p>Tin</p>'],
    ['<p>a <b>b</b> <em>c</em></p><!-- <script>alert(1)</script> -->', '<p>a <b>b</b> <em>c</em></p>'],
    ['<scr<script>ipt>alert(1)</script>', 'ipt&gt;alert(1)'],
  ];
  it.each(vectors)('cleans %s', (dirty, clean) => {
    expect(sanitizeArticleHtml(dirty)).toBe(clean);
  });

  it('keeps what an article needs: headings, lists, links over https, images with captions, tables', () => {
    const html =
      '<h2>Kết quả</h2><p>Đảng bộ có <strong>4.200</strong> đảng viên, <a href="https://hoabinh.dcs.vn/x" title="Nguồn">xem</a>.</p>' +
      '<figure><img src="/anh/1.jpg" alt="Hội nghị" width="800" height="450"><figcaption>Đồng chí Bí thư phát biểu</figcaption></figure>' +
      '<ul><li>Một</li></ul><table><tbody><tr><td colspan="2">Ô</td></tr></tbody></table>';
    expect(sanitizeArticleHtml(html)).toBe(
      '<h2>Kết quả</h2><p>Đảng bộ có <strong>4.200</strong> đảng viên, <a href="https://hoabinh.dcs.vn/x" title="Nguồn" rel="noopener noreferrer">xem</a>.</p>' +
        '<figure><img src="/anh/1.jpg" alt="Hội nghị" width="800" height="450" /><figcaption>Đồng chí Bí thư phát biểu</figcaption></figure>' +
        '<ul><li>Một</li></ul><table><tbody><tr><td colspan="2">Ô</td></tr></tbody></table>',
    );
  });

  it('never lets through a tag or attribute an attacker chose, whatever the nesting (no on*, no script, no style)', () => {
    const nasty = [
      '<div><p><span onmouseover="x()">a</span></p></div>',
      '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
      '<img src=x:alert(1) onerror=eval(src)>',
      '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
      '<details open ontoggle=alert(1)>',
      '<video><source onerror="alert(1)"></video>',
      '"><script>alert(1)</script>',
    ];
    for (const html of nasty) {
      const clean = sanitizeArticleHtml(html);
      expect(clean, html).not.toMatch(/<script|\son\w+=|javascript:|style=|<svg|<iframe|<details|<video|<source/i);
    }
  });
});

describe('slugs and search text', () => {
  it('makes a readable slug from a Vietnamese title (đ → d, marks dropped)', () => {
    expect(slugify('Bí thư Tỉnh ủy làm việc với Đảng ủy Khối các cơ quan tỉnh')).toBe('bi-thu-tinh-uy-lam-viec-voi-dang-uy-khoi-cac-co-quan-tinh');
    expect(slugify('  Năm 2022: 121 quần chúng ưu tú được kết nạp!  ')).toBe('nam-2022-121-quan-chung-uu-tu-duoc-ket-nap');
    expect(slugify('!!!')).toBe('bai-viet');
    expect(slugify('từ '.repeat(60)).length).toBeLessThanOrEqual(100);
  });

  it('folds the query and the text the same way', () => {
    expect(searchWords('Bí thư  TỈNH ủy')).toEqual(['bi', 'thu', 'tinh', 'uy']);
    expect(searchWords('bi thu tinh uy')).toEqual(['bi', 'thu', 'tinh', 'uy']);
    const text = searchTextOf({
      title: 'Bí thư Tỉnh ủy làm việc',
      lead: 'Ngày 22/11',
      bodyHtml: '<p>Đảng ủy&nbsp;Khối</p>',
      author: null,
      tags: ['Xây dựng Đảng'],
    });
    expect(text).toContain('bi thu tinh uy lam viec');
    expect(text).toContain('dang uy khoi');
    expect(text).toContain('xay dung dang');
    expect(htmlToText('<p>Một</p><p>Hai &amp; ba</p>')).toBe('Một Hai & ba');
  });
});
