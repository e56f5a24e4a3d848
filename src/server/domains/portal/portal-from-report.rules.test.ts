import { describe, expect, it } from 'vitest';
import { figureSentence, reportDraft } from './portal-from-report.rules.js';
import type { ReportFigure } from '../../../shared/reports.js';

const figure = (over: Partial<ReportFigure>): ReportFigure => ({
  key: 'members',
  label: 'Tổng số đảng viên',
  group: 'Công tác xây dựng Đảng',
  metric: 'member_count',
  recorded: true,
  total: 4200,
  parts: [],
  partsSum: 4200,
  reconciled: true,
  drill: '/so-lieu/member_count?orgId=3&from=2026-01-01&to=2026-12-31',
  previous: { recorded: true, total: 4150 },
  change: 50,
  ...over,
});

describe('a report figure as a sentence', () => {
  it('keeps the computed number, links it and its parts to the records, and says the change on last year', () => {
    expect(figureSentence(figure({}), 2026)).toBe(
      'Tổng số đảng viên: <a href="/so-lieu/member_count?orgId=3&amp;from=2026-01-01&amp;to=2026-12-31">4.200</a>, tăng 50 so với năm 2025 (4.150).',
    );
    const parts = [
      { key: 'official', label: 'Chính thức', value: 4100 },
      { key: 'probationary', label: 'Dự bị', value: 100 },
      { key: 'other', label: 'Khác', value: 0 },
    ];
    const sentence = figureSentence(figure({ parts, change: -10, previous: { recorded: true, total: 4210 } }), 2026);
    expect(sentence).toContain(
      '(trong đó chính thức <a href="/so-lieu/member_count?orgId=3&amp;from=2026-01-01&amp;to=2026-12-31&amp;key=official">4.100</a>, dự bị',
    );
    expect(sentence).not.toContain('khác');
    expect(sentence).toContain(', giảm 10 so với năm 2025 (4.210).');
    expect(figureSentence(figure({ change: null, previous: { recorded: false, total: 0 } }), 2026)).not.toContain('năm 2025');
  });

  it('leaves out a figure with no record (never printed as 0) and escapes the labels', () => {
    const draft = reportDraft({
      orgName: 'Đảng bộ Sở <Tài chính>',
      year: 2026,
      from: '2026-01-01',
      to: '2026-12-31',
      number: '12-BC/ĐU',
      status: 'issued',
      issuedOn: '2026-12-20',
      figures: [figure({}), figure({ key: 'none', label: 'Kỷ luật', recorded: false, total: 0 })],
    });
    expect(draft.figureKeys).toEqual(['members']);
    expect(draft.bodyHtml).not.toContain('Kỷ luật');
    expect(draft.bodyHtml).toContain('báo cáo số 12-BC/ĐU ngày 20/12/2026 của Đảng bộ Sở &lt;Tài chính&gt;');
    expect(draft.lead).toBe(
      'Năm 2026 (từ 01/01/2026 đến 31/12/2026), Đảng bộ Sở <Tài chính> ghi nhận các kết quả chính dưới đây, theo báo cáo số 12-BC/ĐU ngày 20/12/2026.',
    );
  });
});
