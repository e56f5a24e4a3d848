import type { Ctx } from '../../context.js';
import { decideSanction, proposeSanction, receiveAppeal, decideAppeal } from '../discipline/discipline.service.js';
import { recordNotice } from '../discipline/discipline-notices.service.js';
import { demoSanctionSubjects } from '../discipline/discipline.queries.js';
import { addDays, daysBetween } from '../../../shared/dates.js';
import { noticeInput, sanctionProposalInput, type OffenceGroup, type SanctionForm } from '../../../shared/discipline.js';

/** The seed article's year: 6 members disciplined, 2 reprimands + 3 warnings + 1 dismissal, for a bloc of ~4,200. */
const SEED_FORMS: readonly SanctionForm[] = ['reprimand', 'warning', 'warning', 'dismissal', 'reprimand', 'warning'];
const SEED_BLOC = 4200;
const offences: readonly { group: OffenceGroup; text: string }[] = [
  { group: 'party_life_dues', text: 'Không tham gia sinh hoạt chi bộ và không đóng đảng phí nhiều tháng liền không có lý do chính đáng' },
  { group: 'finance_assets', text: 'Thiếu trách nhiệm trong quản lý, sử dụng kinh phí của đơn vị, để xảy ra sai phạm' },
  { group: 'ethics_lifestyle', text: 'Vi phạm quy định về những điều đảng viên không được làm' },
  { group: 'cadre_work', text: 'Vi phạm quy trình trong công tác tổ chức, cán bộ tại đơn vị' },
  { group: 'democratic_centralism', text: 'Vi phạm nguyên tắc tập trung dân chủ, quyết định việc thuộc thẩm quyền tập thể' },
  { group: 'inspection_discipline', text: 'Không chấp hành yêu cầu cung cấp tài liệu của đoàn kiểm tra' },
];

/**
 * The demo bloc's discipline in the year of `today`: the seed's six members (scaled with the bloc's size), decided
 * through the same service as the pages, one warning appealed and upheld, one draft still proposed (confidential),
 * and one state body's notice that never arrived (on the radar). Deterministic: the subjects are every n-th member.
 */
export async function loadDemoDiscipline(ctx: Ctx, options: { members: number; today: string }): Promise<number> {
  const year = options.today.slice(0, 4);
  const start = `${year}-01-05`;
  const span = daysBetween(start, options.today);
  if (span < 60) return 0;
  const units = Math.max(1, Math.round(options.members / SEED_BLOC));
  const forms = Array.from({ length: units }, () => SEED_FORMS).flat();
  const subjects = await demoSanctionSubjects(ctx.db, `${Number(year) - 1}-01-01`, forms.length + 2);
  if (subjects.length < forms.length + 2) return 0;
  let recorded = 0;
  let firstWarning: number | null = null;
  let firstWarningOn = start;
  for (const [index, form] of forms.entries()) {
    const subject = subjects[index];
    const offence = offences[index % offences.length];
    const proposedOn = addDays(start, Math.floor(((index + 0.5) * (span - 45)) / forms.length));
    const decidedOn = addDays(proposedOn, 14);
    const draft = await proposeSanction(
      ctx,
      sanctionProposalInput.parse({
        memberId: subject.id,
        offenceGroup: offence.group,
        offence: offence.text,
        offenceOn: addDays(proposedOn, -90),
        proposedForm: form,
        proposedOn,
        proposedBy: 'Ủy ban Kiểm tra ' + subject.decidingName,
      }),
    );
    await decideSanction(ctx, draft.id, {
      form,
      decidingOrgId: subject.decidingOrgId,
      decision: { number: `${index + 1}-QĐ/UBKT`, date: decidedOn, issuer: `Ban Thường vụ ${subject.decidingName}` },
      effectiveOn: decidedOn,
      membersTo: null,
      version: draft.version,
    });
    if (form === 'warning' && firstWarning === null) {
      firstWarning = draft.id;
      firstWarningOn = decidedOn;
    }
    recorded += 1;
  }
  if (firstWarning !== null) {
    const sanction = await receiveAppeal(ctx, firstWarning, {
      receivedOn: addDays(firstWarningOn, 10),
      appellant: 'Đảng viên bị kỷ luật',
      content: 'Đề nghị xem xét lại hình thức kỷ luật cảnh cáo',
      handlingBody: 'Ủy ban Kiểm tra Đảng ủy Khối',
    });
    const appeal = sanction.appeals[0];
    await decideAppeal(ctx, appeal.id, {
      outcome: 'upheld',
      decision: { number: '1-QĐ/UBKTĐU', date: addDays(appeal.receivedOn, 40), issuer: 'Ủy ban Kiểm tra Đảng ủy Khối' },
      newForm: null,
      reason: 'Kỷ luật đúng người, đúng vi phạm, đúng mức',
      version: appeal.version,
    });
  }
  // A draft still under consideration: counted nowhere, seen only by inspection staff and the admin.
  const pending = subjects[forms.length];
  await proposeSanction(
    ctx,
    sanctionProposalInput.parse({
      memberId: pending.id,
      offenceGroup: 'ethics_lifestyle',
      offence: 'Có dấu hiệu vi phạm quy định về những điều đảng viên không được làm, đang xác minh',
      offenceOn: addDays(options.today, -40),
      proposedForm: 'reprimand',
      proposedOn: addDays(options.today, -10),
      proposedBy: 'Ủy ban Kiểm tra ' + pending.decidingName,
    }),
  );
  await recordNotice(
    ctx,
    noticeInput.parse({
      memberId: subjects[forms.length + 1].id,
      issuerKind: 'state_body',
      issuer: 'Sở Nội vụ',
      measure: 'Khiển trách (kỷ luật hành chính)',
      decision: { number: '45/QĐ-SNV', date: addDays(options.today, -20), issuer: 'Giám đốc Sở Nội vụ' },
      receivedOn: null,
      note: 'Biết qua báo cáo của cơ quan, chưa nhận thông báo chính thức',
    }),
  );
  return recorded;
}
