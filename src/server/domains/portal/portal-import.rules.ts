/**
 * Reads an article saved from the old portal as text (the page's visible text, one block per line): site name,
 * title, date and time (dd/mm/yyyy hh:mm, Vietnam's time), lead, a photo caption under it, then the paragraphs.
 * Pure: the caller cleans and stores what it returns.
 */
export interface CapturedArticle {
  site: string;
  title: string;
  publishedAt: Date;
  lead: string;
  captions: string[];
  paragraphs: string[];
}

/** The old portal's page template leaves its controller's name at the top of a capture. */
const TEMPLATE_NOISE = new Set(['DetailController']);
const DATE_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})$/;
/** A caption is a short line that does not end a sentence ("Đồng chí … phát biểu kết luận buổi làm việc"). */
const looksLikeCaption = (line: string) => line.length <= 200 && !/[.…!?:;"”]$|\/\.$/.test(line);

export class CaptureError extends Error {}

export function parseArticleCapture(text: string): CapturedArticle {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim());
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line === '') {
      if (current.length) blocks.push(current);
      current = [];
    } else if (!TEMPLATE_NOISE.has(line)) current.push(line);
  }
  if (current.length) blocks.push(current);
  const flat = blocks.flat();
  const dateIndex = flat.findIndex((l) => DATE_TIME.test(l));
  if (dateIndex < 1) throw new CaptureError('Không tìm thấy ngày giờ đăng (dd/mm/yyyy hh:mm) sau tiêu đề bài.');
  const title = flat[dateIndex - 1];
  const site = dateIndex >= 2 ? flat[dateIndex - 2] : '';
  const [, d, m, y, hh, mm] = DATE_TIME.exec(flat[dateIndex])!.map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d || hh > 23 || mm > 59) throw new CaptureError(`Ngày đăng không hợp lệ: ${flat[dateIndex]}.`);
  const publishedAt = new Date(Date.UTC(y, m - 1, d, hh - 7, mm));
  const rest = flat.slice(dateIndex + 1);
  if (rest.length < 2) throw new CaptureError('Bài không có sa-pô và nội dung sau ngày đăng.');
  const lead = rest[0];
  const captions: string[] = [];
  let i = 1;
  // Captions follow the lead in its own block (the photo sat between them on the page).
  while (i < rest.length - 1 && looksLikeCaption(rest[i])) captions.push(rest[i++]);
  return { site, title, publishedAt, lead, captions, paragraphs: rest.slice(i) };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The body as HTML: the captions (their photos are not in a text capture) in italics, then the paragraphs. */
export function captureBodyHtml(capture: CapturedArticle): string {
  return [...capture.captions.map((c) => `<p><em>${escape(c)}</em></p>`), ...capture.paragraphs.map((p) => `<p>${escape(p)}</p>`)].join('');
}
