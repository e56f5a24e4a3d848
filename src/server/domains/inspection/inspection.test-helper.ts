import type { Ctx } from '../../context.js';
import { decision } from '../../test/factories.js';
import { openCase, recordCaseStep } from './inspection.service.js';
import type { CaseCreate, CaseDetail, CaseStepKind, InspectionCaseKind } from '../../../shared/inspection.js';

/** A case's create request: the subject, a decision dated `on`, a team and a timetable a month long. */
export function caseInput(
  handlingOrgId: number,
  subject: { kind: 'org'; orgId: number } | { kind: 'member'; memberId: number },
  on = '2026-03-02',
  kind: InspectionCaseKind = 'regular_inspection',
): CaseCreate {
  return {
    handlingOrgId,
    handlingBody: 'commission',
    kind,
    subject: { orgId: null, memberId: null, ...subject },
    content: 'Việc chấp hành Điều lệ Đảng, nghị quyết và chỉ thị của Đảng',
    periodFrom: '2025-01-01',
    periodTo: '2025-12-31',
    team: [
      { name: 'Đinh Văn Kiểm', role: 'Trưởng đoàn' },
      { name: 'Lò Thị Tra', role: 'Thành viên' },
    ],
    planItemId: null,
    decision: { ...decision(on), number: `${Math.floor(Math.random() * 900) + 10}-QĐ/UBKT` },
    timetable: { announcement: on, subject_report: on.replace(/-\d\d$/, '-20'), conclusion: null, conclusion_notice: null },
    paper: { place: 'Hòa Bình', signer: { authority: 'T/M Ủy ban kiểm tra', title: 'Chủ nhiệm', name: 'Hà Văn Chủ' } },
  };
}

/** Steps of the procedure after the decision, in order, each a few days apart from `from`. */
export const requiredAfterDecision: CaseStepKind[] = ['announcement', 'subject_report', 'conclusion', 'conclusion_notice'];

export function stepBody(kind: CaseStepKind, version: number, on: string, violation = true) {
  return {
    version,
    kind,
    occurredOn: on,
    decision: { ...decision(on), number: `${Math.floor(Math.random() * 900) + 10}-${kind === 'conclusion_notice' ? 'TB' : 'BB'}/UBKT` },
    note: null,
    ...(kind === 'conclusion'
      ? {
          findings: 'Đã thẩm tra hồ sơ, sổ sách năm 2025',
          conclusion: 'Chấp hành chưa nghiêm quy chế làm việc',
          violation,
          recommendations: [{ text: 'Kiểm điểm, rút kinh nghiệm' }],
        }
      : {}),
  };
}

/** Walks a case through the steps `kinds` (default: the whole procedure), a week apart from `from`. */
export async function walkCase(ctx: Ctx, c: CaseDetail, from: string, kinds: CaseStepKind[] = requiredAfterDecision, violation = true): Promise<CaseDetail> {
  let current = c;
  let day = new Date(`${from}T00:00:00Z`);
  for (const kind of kinds) {
    current = await recordCaseStep(ctx, current.id, stepBody(kind, current.version, day.toISOString().slice(0, 10), violation));
    day = new Date(day.getTime() + 7 * 86_400_000);
  }
  return current;
}

export const openAndWalk = async (ctx: Ctx, input: CaseCreate, from: string, kinds?: CaseStepKind[], violation = true) =>
  walkCase(ctx, await openCase(ctx, input), from, kinds, violation);

/** A denunciation handled by `handlingOrgId` about the organisation `aboutOrgId`, received on 2026-11-03. */
export function denunciationInput(handlingOrgId: number, aboutOrgId: number) {
  return {
    handlingOrgId,
    kind: 'denunciation' as const,
    receivedOn: '2026-11-03',
    denouncer: { fullName: 'Lường Văn Báo', address: 'Tổ 3, phường Tân Thịnh', contact: '0987 000 111' },
    about: { kind: 'org' as const, orgId: aboutOrgId, memberId: null },
    content: 'Chi bộ không sinh hoạt định kỳ',
    handlerUserIds: [],
  };
}
