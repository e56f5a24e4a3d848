import JSZip from 'jszip';

/** The text of a .docx's body: every run joined, so a name split across runs is still found. */
export async function docxText(content: Buffer | Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(content);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
}
