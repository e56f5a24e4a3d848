import type { CoverageMember, PartyDocumentIssuerLevel, PartyDocumentKind } from '../../../shared/study.js';

/** A problem with the input, naming its field (plain checks with no rulebook value behind them). */
export interface InputProblem {
  field: string;
  message: string;
}

const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

/** The organisation's own thematic resolution is issued by its own committee; another organisation is named by id. */
export function checkDocumentIssuer(input: {
  kind: PartyDocumentKind;
  issuerLevel: PartyDocumentIssuerLevel;
  issuerOrgId: number | null;
  orgId: number;
}): InputProblem[] {
  if (input.kind === 'thematic_resolution' && input.issuerLevel !== 'own_committee')
    return [{ field: 'issuerLevel', message: 'Cấp ban hành: nghị quyết chuyên đề là nghị quyết của chính cấp ủy tổ chức này (chọn «Cấp ủy của tổ chức»).' }];
  if (input.issuerLevel === 'org' && input.issuerOrgId === null)
    return [{ field: 'issuerOrgId', message: 'Tổ chức ban hành: chọn tổ chức đảng đã ban hành văn bản.' }];
  return [];
}

export function checkRequirementDeadline(input: { issuedOn: string; deadline: string }): InputProblem[] {
  if (input.deadline < input.issuedOn)
    return [{ field: 'deadline', message: `Hạn hoàn thành học tập không được trước ngày ban hành văn bản (${ddmmyyyy(input.issuedOn)}).` }];
  return [];
}

/** A session is recorded once held (not in the future) and cannot cover a document issued after it. */
export function checkSessionDate(input: { heldOn: string; today: string; documents: { code: string; issuedOn: string }[] }): InputProblem[] {
  if (input.heldOn > input.today) return [{ field: 'heldOn', message: 'Ngày tổ chức: chỉ ghi hội nghị học tập đã diễn ra, không ghi ngày sau hôm nay.' }];
  const late = input.documents.find((d) => d.issuedOn > input.heldOn);
  if (late) return [{ field: 'documentIds', message: `Văn bản học tập: ${late.code} ban hành ngày ${ddmmyyyy(late.issuedOn)}, sau ngày tổ chức hội nghị.` }];
  return [];
}

/**
 * Counts of a coverage list. Members away on temporary transfer who have not studied are listed apart and are not
 * required (they study where they temporarily attend); once they have studied they count as required and studied.
 */
export function summariseCoverage(members: readonly CoverageMember[]) {
  const byOrg = new Map<number, { orgId: number; orgName: string; required: number; studied: number; notYet: number; away: number }>();
  let studiedSession = 0;
  let studiedSelf = 0;
  let notYet = 0;
  let away = 0;
  for (const m of members) {
    const org = byOrg.get(m.orgId) ?? { orgId: m.orgId, orgName: m.orgName, required: 0, studied: 0, notYet: 0, away: 0 };
    byOrg.set(m.orgId, org);
    if (m.status === 'away') {
      away += 1;
      org.away += 1;
      continue;
    }
    org.required += 1;
    if (m.status === 'session') studiedSession += 1;
    if (m.status === 'self') studiedSelf += 1;
    if (m.status === 'not_yet') {
      notYet += 1;
      org.notYet += 1;
    } else org.studied += 1;
  }
  return { required: studiedSession + studiedSelf + notYet, studiedSession, studiedSelf, notYet, away, byOrg: [...byOrg.values()] };
}
