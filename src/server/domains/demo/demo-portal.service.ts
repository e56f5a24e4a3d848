import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inTransaction, type Ctx } from '../../context.js';
import { findOrg } from '../orgs/orgs.queries.js';
import { createArticle, createCategory, importArticle, stepArticle } from '../portal/portal.service.js';
import { demoBlocs } from './demo.queries.js';
import type { DemoOptions } from './demo.generator.js';

/** The seed article, as saved from the old provincial portal: the first article the demo site shows. */
export const SEED_ARTICLE_FILE = fileURLToPath(new URL('./seed-article-2022-11-22.txt', import.meta.url));

const categories = [
  { name: 'Tin hoạt động', slug: 'tin-hoat-dong' },
  { name: 'Xây dựng Đảng', slug: 'xay-dung-dang' },
  { name: 'Kiểm tra, giám sát', slug: 'kiem-tra-giam-sat' },
  { name: 'Học tập và làm theo Bác', slug: 'hoc-tap-va-lam-theo-bac' },
  { name: 'Văn bản, chỉ đạo', slug: 'van-ban-chi-dao' },
] as const;

/** Titles by section; `{org}` is a grassroots organisation of the bloc. */
const titles: Record<(typeof categories)[number]['slug'], string[]> = {
  'tin-hoat-dong': [
    '{org} tổ chức hội nghị sơ kết 9 tháng thực hiện nhiệm vụ chính trị',
    'Ban Thường vụ Đảng ủy Khối làm việc với {org}',
    '{org} trao tặng quà cho gia đình chính sách nhân dịp Tết',
    'Hội nghị Ban Chấp hành Đảng bộ Khối lần thứ mười hai',
    '{org} phát động phong trào thi đua hoàn thành nhiệm vụ năm',
    'Đoàn công tác Đảng ủy Khối thăm, kiểm tra mô hình dân vận khéo tại {org}',
    '{org} tổng kết công tác dân vận năm 2022',
  ],
  'xay-dung-dang': [
    '{org} kết nạp đảng viên mới cho quần chúng ưu tú',
    'Nâng cao chất lượng sinh hoạt chi bộ ở {org}',
    '{org} tổ chức sinh hoạt chuyên đề về đạo đức cách mạng',
    'Đảng ủy Khối trao Huy hiệu Đảng cho đảng viên lão thành',
    '{org} kiện toàn cấp ủy nhiệm kỳ 2020 - 2025',
    'Bồi dưỡng lý luận chính trị cho đảng viên mới năm 2022',
    '{org} đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên',
    'Phát triển đảng viên trong doanh nghiệp ngoài khu vực nhà nước',
  ],
  'kiem-tra-giam-sat': [
    'Ủy ban Kiểm tra Đảng ủy Khối giám sát chuyên đề tại {org}',
    '{org} thực hiện chương trình kiểm tra, giám sát năm 2022',
    'Kiểm tra việc thu, nộp, quản lý và sử dụng đảng phí tại {org}',
    'Hội nghị tập huấn nghiệp vụ công tác kiểm tra, giám sát',
    'Giám sát việc thực hiện quy định về những điều đảng viên không được làm',
    '{org} kiểm tra tổ chức đảng cấp dưới khi có dấu hiệu vi phạm',
  ],
  'hoc-tap-va-lam-theo-bac': [
    '{org} học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    'Biểu dương điển hình tiên tiến trong học tập và làm theo Bác',
    '{org} xây dựng mô hình "Mỗi tuần một việc tốt"',
    'Tọa đàm về phong cách làm việc của Chủ tịch Hồ Chí Minh',
    '{org} đăng ký việc làm theo gương Bác năm 2022',
    'Lan tỏa những tấm gương bình dị mà cao quý ở {org}',
  ],
  'van-ban-chi-dao': [
    'Hướng dẫn tổ chức sinh hoạt chi bộ định kỳ năm 2023',
    'Kế hoạch học tập, quán triệt Nghị quyết Hội nghị Trung ương 6 khóa XIII',
    'Hướng dẫn đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm 2022',
    'Chương trình kiểm tra, giám sát năm 2023 của Đảng ủy Khối',
    'Kế hoạch tổ chức các hoạt động kỷ niệm 93 năm Ngày thành lập Đảng',
    'Thông báo kết luận của Ban Thường vụ Đảng ủy Khối về công tác cán bộ',
  ],
};

const paragraphs = [
  'Tham dự hội nghị có đại diện lãnh đạo Đảng ủy Khối các cơ quan tỉnh, cấp ủy, thủ trưởng cơ quan, đơn vị và đông đảo cán bộ, đảng viên.',
  'Năm 2022, cấp ủy đã bám sát các văn bản chỉ đạo của cấp trên, kịp thời cụ thể hóa thành chương trình, kế hoạch phù hợp với đặc điểm của đơn vị; chất lượng sinh hoạt chi bộ từng bước được nâng lên.',
  'Công tác giáo dục chính trị tư tưởng được coi trọng; 100% cán bộ, đảng viên được học tập, quán triệt các chỉ thị, nghị quyết của Trung ương, của Tỉnh ủy và Đảng ủy Khối.',
  'Công tác kiểm tra, giám sát được thực hiện nghiêm túc, đúng quy định; qua kiểm tra đã kịp thời nhắc nhở, chấn chỉnh những hạn chế, thiếu sót.',
  'Phát biểu chỉ đạo, đồng chí Bí thư Đảng ủy Khối đề nghị cấp ủy tiếp tục đổi mới nội dung, phương thức lãnh đạo, nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức đảng.',
  'Dịp này, nhiều tập thể và cá nhân có thành tích xuất sắc đã được biểu dương, khen thưởng.',
];

const authors = ['Minh Hằng', 'Thu Trang', 'Quang Huy', 'Ngọc Anh', 'Văn Thắng', 'Hồng Nhung'];

function unit(seed: number, n: number): number {
  let x = (seed ^ Math.imul(n + 1, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
}

/** The demo portal of the first bloc (see `seedPortal`). */
export async function loadDemoPortal(ctx: Ctx, options: DemoOptions & { articles?: number }): Promise<{ articles: number }> {
  const [bloc] = await demoBlocs(ctx.db);
  if (!bloc) return { articles: 0 };
  const orgNames: string[] = [];
  for (const id of bloc.grassroots.slice(0, 20)) orgNames.push((await findOrg(ctx.db, id))!.name);
  return seedPortal(ctx, { orgId: bloc.id, orgNames, seed: options.seed, articles: options.articles });
}

/**
 * A portal owned by `orgId`: five sections, the seed article imported from its saved page (featured, the newest),
 * and `articles` articles before it (default 36), each through the desk's workflow, all in one transaction.
 */
export async function seedPortal(
  ctx: Ctx,
  options: { orgId: number; orgNames: string[]; seed?: number; articles?: number; capture?: string },
): Promise<{ articles: number; categories: Record<string, number> }> {
  const seed = (options.seed ?? 20221122) >>> 0;
  const count = options.articles ?? 36;
  const capture = options.capture ?? readFileSync(SEED_ARTICLE_FILE, 'utf8');
  const orgNames = options.orgNames;
  return inTransaction(ctx, async (tx) => {
    const made: Record<string, number> = {};
    for (const [position, c] of categories.entries())
      made[c.slug] = (await createCategory(tx, { orgId: options.orgId, name: c.name, slug: c.slug, position })).id;
    // Spread over the months before the seed article (22/11/2022), oldest first, so the seed article is the newest.
    const last = Date.parse('2022-11-21T01:00:00Z');
    const first = Date.parse('2022-06-01T01:00:00Z');
    for (let i = 0; i < count; i += 1) {
      const category = categories[i % categories.length];
      const pool = titles[category.slug];
      const org = orgNames.length ? orgNames[Math.floor(unit(seed, i) * orgNames.length)] : 'Đảng bộ cơ sở';
      const title = pool[Math.floor(i / categories.length) % pool.length].replace('{org}', org);
      const at = new Date(first + Math.floor(((last - first) * (i + unit(seed, i + 1000))) / Math.max(1, count)));
      const body = [0, 1, 2, 3, 4, 5]
        .filter((k) => k === 0 || k === 4 || unit(seed, i * 7 + k) < 0.6)
        .map((k) => `<p>${paragraphs[k]}</p>`)
        .join('');
      const draft = await createArticle(tx, {
        categoryId: made[category.slug],
        title: `${title}${i >= categories.length * pool.length ? ` (đợt ${Math.floor(i / (categories.length * pool.length)) + 1})` : ''}`,
        lead: `${org}: ${title.replace(`${org} `, '').toLocaleLowerCase('vi').slice(0, 1).toLocaleUpperCase('vi')}${title.replace(`${org} `, '').slice(1)}, với sự tham gia của cán bộ, đảng viên trong toàn đảng bộ.`,
        bodyHtml: body,
        author: authors[Math.floor(unit(seed, i + 2000) * authors.length)],
        source: null,
        tags: [category.name],
        featured: i % 11 === 3,
      });
      const clock = { ...tx, now: () => at };
      let a = await stepArticle(clock, draft.id, 'submit', { version: draft.version, note: null, publishAt: null });
      a = await stepArticle(clock, a.id, 'approve', { version: a.version, note: null, publishAt: null });
      await stepArticle(clock, a.id, 'publish', { version: a.version, note: null, publishAt: null });
    }
    await importArticle(tx, { categoryId: made['tin-hoat-dong'], capture, author: null, featured: true });
    return { articles: count + 1, categories: made };
  });
}
