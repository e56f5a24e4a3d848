/** The article body's HTML: cleaned against the allow-list (sanitize-html), and its text for search and descriptions. */
import sanitizeHtml from 'sanitize-html';
import { foldForSearch } from '../../../shared/vietnamese.js';

/**
 * The allow-list of an article body: structure, emphasis, links, images with captions, simple tables. No script,
 * no event handler, no style or class attribute, no frame, svg or form; links and images only over http(s) or a
 * relative path (and mailto: for links). Whatever is not listed is dropped; the text of a dropped tag stays,
 * except inside script, style, textarea, noscript, iframe and svg, which go whole.
 */
const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h2',
    'h3',
    'h4',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'figure',
    'figcaption',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'caption',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    // srcset entries are filtered by the same schemes as src (sanitize-html parses them): responsive photos.
    img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'svg', 'math', 'object', 'embed', 'template'],
  transformTags: {
    // Links leave the site without handing it the reader's window.
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};
sanitizeOptions.allowedAttributes = { ...sanitizeOptions.allowedAttributes, a: ['href', 'title', 'rel'] };

/** An article body as stored: the editor's HTML cleaned against the allow-list. */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, sanitizeOptions).trim();
}

/** The text of a (sanitised) body, for search and the description of the page. */
export function htmlToText(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|h\d|li|blockquote|figcaption|td|th)>/g, '$& '), { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** What the search matches: title, lead, author, tags and body text, folded as `foldForSearch` does. */
export function searchTextOf(a: { title: string; lead: string; bodyHtml: string; author: string | null; tags: string[] }): string {
  return foldForSearch([a.title, a.lead, a.author ?? '', a.tags.join(' '), htmlToText(a.bodyHtml)].join(' '));
}
