import { type Ctx, readTogether } from '../../context.js';
import { conflict } from '../../errors.js';
import { renderPartyDocument } from '../../documents/party-document.js';
import { admissionDecisionDocument, confirmationDecisionDocument, type CitedDocument, type DocumentIssuer } from '../../documents/membership-documents.js';
import { foldForSearch } from '../../../shared/vietnamese.js';
import { documentSigning, type DocumentSigning } from '../../../shared/admissions.js';
import type { Decision } from '../../../shared/org.js';
import { ruleReader } from './admissions.deadlines.js';
import { implementingRegulationBasis } from './admissions.rules.js';
import { admissionDecisionRecords, confirmationDecisionRecords } from './decision-records.service.js';

export interface DocxFile {
  filename: string;
  content: Buffer;
}

/** Blank lines a clerk fills by hand when the step did not record them. */
const BLANK = '……………';

/**
 * Who issues the decision and the bodies named around the cell: the upper body printed above the
 * issuer is the organisation above the nearest upper committee (or that committee when it is the root);
 * the grassroots organisation is the cell's grassroots committee, none for a grassroots cell.
 */
function bodiesAround(ancestors: Awaited<ReturnType<typeof admissionDecisionRecords>>['ancestors'], decision: Decision, signingValue: unknown) {
  const upperIndex = ancestors.findIndex((a) => a.kind === 'upper' || a.kind === 'provincial');
  const upper = upperIndex >= 0 ? ancestors[upperIndex] : ancestors.at(-1);
  const aboveUpper = upperIndex >= 0 ? ancestors[upperIndex + 1] : undefined;
  const grassroots = ancestors.find((a) => a.kind === 'grassroots_committee');
  const signing: DocumentSigning = documentSigning.parse(signingValue ?? {});
  const issuer: DocumentIssuer = {
    upperBody: (aboveUpper ?? upper)?.name ?? '',
    issuingBody: decision.issuer,
    place: signing.place || BLANK,
    signer: { authority: signing.signerAuthority, title: signing.signerTitle, name: signing.signerName },
  };
  return { issuer, grassrootsName: grassroots?.name ?? null };
}

/** The documents in force on the decision's date, besides the Charter, read from the rulebook's sources. */
async function legalBases(ctx: Ctx, date: string): Promise<string[]> {
  const rule = await ruleReader(ctx)('ceremony_deadline_working_days', date);
  return [implementingRegulationBasis(rule.source)];
}

/** Every decision follows a resolution, so `fallbackDate` only serves a record whose resolution was never entered. */
function cited(decision: Decision | null | undefined, fallbackDate: string): CitedDocument {
  return decision ? { number: decision.number, date: decision.date } : { date: fallbackDate };
}

/** A file name without diacritics or spaces, which every browser and mail client keeps intact. */
function fileName(kind: string, fullName: string): string {
  return `${kind}-${foldForSearch(fullName).replace(/[^a-z0-9]+/gu, '-')}.docx`;
}

/** Quyết định kết nạp đảng viên, filled from the candidate's steps. */
export async function admissionDecisionDocx(ctx: Ctx, candidateId: number): Promise<DocxFile> {
  const { candidate, events, ancestors } = await admissionDecisionRecords(ctx, candidateId);
  const last = (kind: string) => events.filter((e) => e.kind === kind).at(-1);
  const decided = last('decided');
  if (!decided?.decision || !['decided', 'admitted'].includes(candidate.state)) throw conflict('Chưa có quyết định kết nạp của cấp ủy cấp trên để in.');
  const decision = decided.decision;
  const { issuer, grassrootsName } = bodiesAround(ancestors, decision, decided.details.signing);
  const rules = ruleReader(ctx);
  const [probation, ceremonyDays] = await readTogether(ctx.db, [
    () => rules('probation_months', decision.date),
    () => rules('ceremony_deadline_working_days', decision.date),
  ]);
  const committee = last('committee_resolved');
  const content = await renderPartyDocument(
    admissionDecisionDocument({
      issuer,
      number: decision.number,
      date: decision.date,
      decidingBody: `Ban Thường vụ ${decision.issuer}`,
      legalBases: await legalBases(ctx, decision.date),
      cellName: candidate.orgName,
      grassrootsName: candidate.orgKind === 'grassroots_cell' ? null : grassrootsName,
      cellResolution: cited(last('cell_resolved')?.decision, decision.date),
      committeeResolution: committee?.decision ? cited(committee.decision, decision.date) : undefined,
      candidate: { fullName: candidate.fullName, birthDate: candidate.birthDate, placeOfOrigin: placeText(candidate.placeOfOrigin) },
      probationMonths: probation.value,
      ceremonyDeadlineWorkingDays: ceremonyDays.value,
      recipients: ['Như Điều 3', 'Lưu'],
    }),
  );
  return { filename: fileName('quyet-dinh-ket-nap', candidate.fullName), content };
}

/** Quyết định công nhận đảng viên chính thức, filled from the member's admission, reviews and decision. */
export async function confirmationDecisionDocx(ctx: Ctx, memberId: number): Promise<DocxFile> {
  const { member, outcome, admission, reviews, ancestors } = await confirmationDecisionRecords(ctx, memberId);
  if (!outcome?.decision || outcome.kind !== 'confirmation') throw conflict('Chưa có quyết định công nhận đảng viên chính thức để in.');
  const decision = outcome.decision;
  const { issuer, grassrootsName } = bodiesAround(ancestors, decision, outcome.details.signing);
  const cellReview = reviews.filter((r) => r.kind === 'cell').at(-1);
  const committeeReview = reviews.filter((r) => r.kind === 'committee').at(-1);
  const content = await renderPartyDocument(
    confirmationDecisionDocument({
      issuer,
      number: decision.number,
      date: decision.date,
      decidingBody: `Ban Thường vụ ${decision.issuer}`,
      legalBases: await legalBases(ctx, decision.date),
      cellName: member.orgName,
      grassrootsName: committeeReview ? grassrootsName : null,
      cellResolution: cited(cellReview?.decision, decision.date),
      committeeResolution: committeeReview ? cited(committeeReview.decision, decision.date) : undefined,
      member: { fullName: member.fullName, birthDate: member.birthDate, placeOfOrigin: placeText(member.placeOfOrigin) },
      admissionDecision: admission?.decision
        ? { number: admission.decision.number, date: admission.decision.date }
        : { number: BLANK, date: member.admittedOn ?? decision.date },
      fullFrom: (outcome.details.fullFrom as string | undefined) ?? member.confirmedOn ?? decision.date,
      recipients: ['Như Điều 2', 'Lưu'],
    }),
  );
  return { filename: fileName('quyet-dinh-cong-nhan-dang-vien-chinh-thuc', member.fullName), content };
}

/** 'Xã Tân Lạc, tỉnh Phú Thọ' from an address in either form; undefined when none is recorded. */
function placeText(address: unknown): string | undefined {
  const a = address as { current?: { province: string; commune: string } | null; old?: { province: string; district: string; commune: string } | null } | null;
  if (!a) return undefined;
  if (a.current) return [a.current.commune, a.current.province].filter(Boolean).join(', ') || undefined;
  if (a.old) return [a.old.commune, a.old.district, a.old.province].filter(Boolean).join(', ') || undefined;
  return undefined;
}
