/**
 * The public pages of the portal as HTML (and its feeds as XML): plain strings, no client script, one small inline
 * stylesheet with a print part. Every text is escaped here; an article body is stored already sanitised.
 */
import type { PublicArticle } from './portal.queries.js';
import { formatNumber } from '../../../shared/vietnamese.js';

export const SITE_NAME = 'Cổng thông tin điện tử Đảng bộ';
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
const e = escapeHtml;

/** `2022-11-22T17:00:00Z` → `23/11/2022 00:00` (Vietnam's time, UTC+7 all year). */
export function formatDateTime(at: Date): string {
  const d = new Date(at.getTime() + VN_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** The same moment with Vietnam's offset, as schema.org and feeds want it. */
export function isoVietnam(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().replace(/\.\d{3}Z$/, '+07:00');
}

const css = `*{box-sizing:border-box}body{margin:0;font:17px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;background:#fff}
a{color:#8a1c1c}a:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}header.site{background:#a51d1d;color:#fff;padding:.6rem 1rem}
header.site a{color:#fff;text-decoration:none}header.site .name{font-weight:700;font-size:1.2rem}nav.cats{display:flex;flex-wrap:wrap;gap:.2rem 1rem;margin-top:.3rem}
nav.cats a{font-size:.95rem}form.search{margin-top:.4rem;display:flex;gap:.4rem}form.search input{flex:1;max-width:20rem;font:inherit;padding:.2rem .4rem}
form.search button{font:inherit}main{max-width:46rem;margin:0 auto;padding:1rem}h1{line-height:1.25;font-size:1.7rem;margin:.3rem 0}
.meta{color:#555;font-size:.9rem}.lead{font-weight:600}.body img{max-width:100%;height:auto}.body figure{margin:1rem 0}.body figcaption{font-size:.9rem;color:#444;font-style:italic}
ul.list{list-style:none;padding:0}ul.list li{border-bottom:1px solid #ddd;padding:.6rem 0}ul.list h2,ul.list h3{font-size:1.1rem;margin:0}
.pager{display:flex;gap:1rem;margin:1rem 0}.tags a{margin-right:.6rem}footer.site{border-top:1px solid #ddd;color:#555;font-size:.85rem;padding:1rem;text-align:center}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;color:#000;padding:.3rem}
@media print{@page{margin:2cm 1.8cm}header.site,nav,form.search,footer.site,.related,.pager,.skip,.tags,.feeds{display:none}
body{font:12pt/1.5 Georgia,"Times New Roman",serif;color:#000;background:#fff}a{color:#000;text-decoration:none}main{max-width:none;padding:0}
h1{font-size:20pt;page-break-after:avoid;break-after:avoid}h2,h3{page-break-after:avoid;break-after:avoid}p{orphans:3;widows:3}
.meta{color:#000}.body figure,.body img,blockquote{page-break-inside:avoid;break-inside:avoid}.body img{max-width:70%}
.body a[href^="http"]::after{content:" (" attr(href) ")";font-size:9pt;word-break:break-all}
article::after{content:"Nguồn: " attr(data-url);display:block;margin-top:1.5rem;font-size:9pt;border-top:1px solid #000;padding-top:.3rem}}`;

export interface PageMeta {
  title: string;
  description: string;
  canonical: string;
  ogType?: 'website' | 'article';
  jsonLd?: unknown;
  feeds?: { title: string; href: string; type?: 'rss' | 'atom' }[];
  noindex?: boolean;
}

export interface SiteNav {
  base: string;
  categories: { name: string; slug: string }[];
}

function layout(meta: PageMeta, nav: SiteNav, main: string, query = ''): string {
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No icon file to fetch: a browser would otherwise ask for /favicon.ico, outside the portal's public routes.
    '<link rel="icon" href="data:,">',
    `<title>${e(meta.title)}</title>`,
    `<meta name="description" content="${e(meta.description)}">`,
    `<link rel="canonical" href="${e(meta.canonical)}">`,
    meta.noindex ? '<meta name="robots" content="noindex">' : '',
    `<meta property="og:site_name" content="${e(SITE_NAME)}">`,
    `<meta property="og:type" content="${meta.ogType ?? 'website'}">`,
    `<meta property="og:title" content="${e(meta.title)}">`,
    `<meta property="og:description" content="${e(meta.description)}">`,
    `<meta property="og:url" content="${e(meta.canonical)}">`,
    '<meta property="og:locale" content="vi_VN">',
    ...(meta.feeds ?? []).map((f) => `<link rel="alternate" type="application/${f.type ?? 'rss'}+xml" title="${e(f.title)}" href="${e(f.href)}">`),
    meta.jsonLd ? `<script type="application/ld+json">${JSON.stringify(meta.jsonLd).replace(/</g, '\\u003c')}</script>` : '',
    `<style>${css}</style>`,
  ]
    .filter(Boolean)
    .join('\n');
  const cats = nav.categories.map((c) => `<a href="/tin-tuc/chuyen-muc/${e(c.slug)}">${e(c.name)}</a>`).join('');
  return `<!doctype html>
<html lang="vi">
<head>
${head}
</head>
<body>
<a class="skip" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
<header class="site"><a class="name" href="/tin-tuc">${e(SITE_NAME)}</a>
<nav class="cats" aria-label="Chuyên mục">${cats}</nav>
<form class="search" action="/tin-tuc/tim-kiem" method="get" role="search"><label for="q" class="skip">Tìm kiếm tin bài</label><input id="q" name="q" type="search" value="${e(query)}" placeholder="Tìm tin bài"><button type="submit">Tìm</button></form>
</header>
<main id="noi-dung">
${main}
</main>
<footer class="site">${e(SITE_NAME)}</footer>
</body>
</html>`;
}

const articleHref = (a: { slug: string }) => `/tin-tuc/${encodeURIComponent(a.slug)}`;

function listItem(a: PublicArticle, level: 'h2' | 'h3', withLead = true): string {
  return `<li><${level}><a href="${articleHref(a)}">${e(a.title)}</a></${level}><div class="meta"><time datetime="${isoVietnam(a.publishedAt!)}">${formatDateTime(a.publishedAt!)}</time> · <a href="/tin-tuc/chuyen-muc/${e(a.categorySlug)}">${e(a.categoryName)}</a></div>${withLead ? `<p>${e(a.lead)}</p>` : ''}</li>`;
}

function pager(base: string, page: number, pages: number, extra = ''): string {
  if (pages <= 1) return '';
  const link = (n: number, text: string, rel: string) => `<a rel="${rel}" href="${base}?${extra}trang=${n}">${text}</a>`;
  return `<nav class="pager" aria-label="Phân trang">${page > 1 ? link(page - 1, '« Trang trước', 'prev') : ''}<span>Trang ${page}/${pages}</span>${page < pages ? link(page + 1, 'Trang sau »', 'next') : ''}</nav>`;
}

export function homeHtml(
  nav: SiteNav,
  data: { featured: PublicArticle[]; latest: PublicArticle[]; byCategory: { name: string; slug: string; items: PublicArticle[] }[] },
) {
  const featured = data.featured.length
    ? `<section aria-labelledby="noi-bat"><h2 id="noi-bat">Tin nổi bật</h2><ul class="list">${data.featured.map((a) => listItem(a, 'h3')).join('')}</ul></section>`
    : '';
  const latest = `<section aria-labelledby="moi-nhat"><h2 id="moi-nhat">Tin mới nhất</h2><ul class="list">${data.latest.map((a) => listItem(a, 'h3')).join('') || '<li>Chưa có tin bài.</li>'}</ul></section>`;
  const cats = data.byCategory
    .filter((c) => c.items.length)
    .map(
      (c) =>
        `<section><h2><a href="/tin-tuc/chuyen-muc/${e(c.slug)}">${e(c.name)}</a></h2><ul class="list">${c.items.map((a) => listItem(a, 'h3', false)).join('')}</ul></section>`,
    )
    .join('');
  return layout(
    {
      title: `Tin tức | ${SITE_NAME}`,
      description: 'Tin tức, hoạt động của các cấp ủy, tổ chức đảng.',
      canonical: `${nav.base}/tin-tuc`,
      jsonLd: { '@context': 'https://schema.org', '@type': 'WebSite', name: SITE_NAME, url: `${nav.base}/tin-tuc` },
    },
    nav,
    `<h1>Tin tức</h1>${featured}${latest}${cats}`,
  );
}

export function categoryHtml(nav: SiteNav, data: { name: string; slug: string; items: PublicArticle[]; page: number; pages: number; total: number }) {
  const base = `/tin-tuc/chuyen-muc/${encodeURIComponent(data.slug)}`;
  return layout(
    {
      title: `${data.name}${data.page > 1 ? ` (trang ${data.page})` : ''} | ${SITE_NAME}`,
      description: `Tin bài chuyên mục ${data.name}: ${formatNumber(data.total)} bài.`,
      canonical: `${nav.base}${base}${data.page > 1 ? `?trang=${data.page}` : ''}`,
      feeds: [
        { title: `${data.name} (RSS)`, href: `${base}/rss.xml` },
        { title: `${data.name} (Atom)`, href: `${base}/atom.xml`, type: 'atom' },
      ],
    },
    nav,
    `<h1>${e(data.name)}</h1><p class="meta">${formatNumber(data.total)} tin bài<span class="feeds"> · <a href="${base}/rss.xml">RSS</a> · <a href="${base}/atom.xml">Atom</a></span></p><ul class="list">${data.items.map((a) => listItem(a, 'h2')).join('') || '<li>Chưa có tin bài.</li>'}</ul>${pager(base, data.page, data.pages)}`,
  );
}

export function articleHtml(nav: SiteNav, a: PublicArticle & { bodyHtml: string }, related: PublicArticle[], description: string) {
  const url = `${nav.base}${articleHref(a)}`;
  const byline = [a.author ? `Tác giả: ${e(a.author)}` : '', a.source ? `Nguồn: ${e(a.source)}` : ''].filter(Boolean).join(' · ');
  const tags = a.tags.length
    ? `<p class="tags">Thẻ: ${a.tags.map((t) => `<a href="/tin-tuc/tim-kiem?q=${encodeURIComponent(t)}">${e(t)}</a>`).join('')}</p>`
    : '';
  const rel = related.length
    ? `<aside class="related" aria-labelledby="lien-quan"><h2 id="lien-quan">Tin liên quan</h2><ul class="list">${related.map((r) => listItem(r, 'h3', false)).join('')}</ul></aside>`
    : '';
  return layout(
    {
      title: `${a.title} | ${SITE_NAME}`,
      description,
      canonical: url,
      ogType: 'article',
      jsonLd: {
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: a.title.slice(0, 110),
        description,
        datePublished: isoVietnam(a.publishedAt!),
        dateModified: isoVietnam(a.updatedAt > a.publishedAt! ? a.updatedAt : a.publishedAt!),
        mainEntityOfPage: url,
        articleSection: a.categoryName,
        keywords: a.tags.join(', ') || undefined,
        inLanguage: 'vi',
        author: a.author ? { '@type': 'Person', name: a.author } : { '@type': 'Organization', name: SITE_NAME },
        publisher: { '@type': 'Organization', name: SITE_NAME },
      },
    },
    nav,
    `<article data-url="${e(url)}"><p class="meta"><a href="/tin-tuc/chuyen-muc/${e(a.categorySlug)}">${e(a.categoryName)}</a></p><h1>${e(a.title)}</h1><p class="meta"><time datetime="${isoVietnam(a.publishedAt!)}">${formatDateTime(a.publishedAt!)}</time></p><p class="lead">${e(a.lead)}</p><div class="body">${a.bodyHtml}</div>${byline ? `<p class="meta byline">${byline}</p>` : ''}${tags}</article>${rel}`,
  );
}

export function searchHtml(nav: SiteNav, data: { q: string; items: PublicArticle[]; page: number; pages: number; total: number }) {
  const result = data.q
    ? `<p>${data.total >= 1000 ? 'Hơn 1.000' : formatNumber(data.total)} kết quả cho “${e(data.q)}”.</p><ul class="list">${data.items.map((a) => listItem(a, 'h2')).join('')}</ul>${pager('/tin-tuc/tim-kiem', data.page, data.pages, `q=${encodeURIComponent(data.q)}&amp;`)}`
    : '<p>Nhập từ cần tìm (có dấu hoặc không dấu).</p>';
  return layout(
    {
      title: `Tìm kiếm${data.q ? `: ${data.q}` : ''} | ${SITE_NAME}`,
      description: 'Tìm kiếm tin bài.',
      canonical: `${nav.base}/tin-tuc/tim-kiem`,
      noindex: true,
    },
    nav,
    `<h1>Tìm kiếm tin bài</h1>${result}`,
    data.q,
  );
}

export function notFoundHtml(nav: SiteNav) {
  return layout(
    { title: `Không tìm thấy trang | ${SITE_NAME}`, description: 'Không tìm thấy trang.', canonical: `${nav.base}/tin-tuc`, noindex: true },
    nav,
    '<h1>Không tìm thấy trang</h1><p>Tin bài hoặc chuyên mục này không có hoặc đã được gỡ. <a href="/tin-tuc">Về trang tin tức</a>.</p>',
  );
}

const x = escapeHtml;

export function rssXml(base: string, category: { name: string; slug: string }, items: (PublicArticle & { description: string })[]) {
  const link = `${base}/tin-tuc/chuyen-muc/${encodeURIComponent(category.slug)}`;
  const entries = items
    .map(
      (a) =>
        `<item><title>${x(a.title)}</title><link>${x(`${base}${articleHref(a)}`)}</link><guid isPermaLink="false">${x(`${base}/tin-tuc/bai/${a.id}`)}</guid><pubDate>${a.publishedAt!.toUTCString()}</pubDate><description>${x(a.description)}</description>${a.author ? `<dc:creator>${x(a.author)}</dc:creator>` : ''}</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>${x(`${category.name} | ${SITE_NAME}`)}</title><link>${x(link)}</link><description>${x(`Tin bài chuyên mục ${category.name}`)}</description><language>vi</language>
<atom:link href="${x(`${link}/rss.xml`)}" rel="self" type="application/rss+xml"/>
${entries}
</channel></rss>`;
}

/** The same feed in Atom (RFC 4287): ids are the stable `/tin-tuc/bai/<id>` addresses, dates with Vietnam's offset. */
export function atomXml(base: string, category: { name: string; slug: string }, items: (PublicArticle & { description: string })[], updated: Date) {
  const link = `${base}/tin-tuc/chuyen-muc/${encodeURIComponent(category.slug)}`;
  const entries = items
    .map((a) => {
      const modified = a.updatedAt > a.publishedAt! ? a.updatedAt : a.publishedAt!;
      return `<entry><title>${x(a.title)}</title><link rel="alternate" type="text/html" href="${x(`${base}${articleHref(a)}`)}"/><id>${x(`${base}/tin-tuc/bai/${a.id}`)}</id><published>${isoVietnam(a.publishedAt!)}</published><updated>${isoVietnam(modified)}</updated><author><name>${x(a.author ?? SITE_NAME)}</name></author><summary>${x(a.description)}</summary></entry>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
<title>${x(`${category.name} | ${SITE_NAME}`)}</title><subtitle>${x(`Tin bài chuyên mục ${category.name}`)}</subtitle>
<link rel="alternate" type="text/html" href="${x(link)}"/><link rel="self" type="application/atom+xml" href="${x(`${link}/atom.xml`)}"/>
<id>${x(link)}</id><updated>${isoVietnam(updated)}</updated>
${entries}
</feed>`;
}

export function sitemapXml(base: string, categories: { slug: string }[], articles: { slug: string; updatedAt: Date }[]) {
  const url = (loc: string, lastmod?: Date) => `<url><loc>${x(loc)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ''}</url>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${[url(`${base}/tin-tuc`), ...categories.map((c) => url(`${base}/tin-tuc/chuyen-muc/${encodeURIComponent(c.slug)}`)), ...articles.map((a) => url(`${base}${articleHref(a)}`, a.updatedAt))].join('\n')}
</urlset>`;
}

export function robotsTxt(base: string) {
  // The staff app and its API are not for search engines; the portal is (its search results aside).
  return `User-agent: *\nAllow: /tin-tuc\nAllow: /sitemap.xml\nDisallow: /tin-tuc/tim-kiem\nDisallow: /\nSitemap: ${base}/sitemap.xml\n`;
}
