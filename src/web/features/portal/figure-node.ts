import { Node } from '@tiptap/react';

/**
 * A photo in the article body as the server makes it (portal-images.rules.ts `figureHtml`): one `<figure>` with its
 * `<img>` (src, srcset, sizes, width, height, alt, lazy) and its caption. An atom: the editor moves or deletes it
 * whole; a new one comes from the "insert image" button (upload with alt text and caption).
 */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      src: { default: null },
      srcset: { default: null },
      sizes: { default: null },
      width: { default: null },
      height: { default: null },
      alt: { default: '' },
      caption: { default: '' },
    };
  },
  parseHTML() {
    return [
      {
        tag: 'figure',
        getAttrs: (element) => {
          const img = element.querySelector('img');
          if (!img) return false;
          const attr = (name: string) => img.getAttribute(name);
          return {
            src: attr('src'),
            srcset: attr('srcset'),
            sizes: attr('sizes'),
            width: attr('width'),
            height: attr('height'),
            alt: attr('alt') ?? '',
            caption: element.querySelector('figcaption')?.textContent ?? '',
          };
        },
      },
    ];
  },
  renderHTML({ node }) {
    const a = node.attrs as Record<string, string | null>;
    const img: Record<string, string> = { loading: 'lazy', alt: a.alt ?? '' };
    for (const key of ['src', 'srcset', 'sizes', 'width', 'height'] as const) if (a[key]) img[key] = a[key];
    return ['figure', {}, ['img', img], ['figcaption', {}, a.caption ?? '']];
  },
});
