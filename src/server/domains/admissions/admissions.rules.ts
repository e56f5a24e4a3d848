import { addDays, compareIso } from '../../../shared/dates.js';
import {
  type CandidateState,
  type Dossier,
  type DossierItem,
  type NextStep,
  candidateStates,
  dossierItemLabels,
  dossierItems,
} from '../../../shared/admissions.js';
import { type AdmissionState, admissionStates } from '../membership/admission.rules.js';
import { viDate } from '../membership/membership.rules.js';

// The shared union and the rules' union must name the same states; this fails to compile if they drift.
const sameStates: [readonly CandidateState[], readonly AdmissionState[]] = [admissionStates, candidateStates];
void sameStates;

/** The Youth Union's introduction belongs in the dossier only of a Youth Union member. */
export function applicableDossierItems(youthUnionMember: boolean): DossierItem[] {
  return dossierItems.filter((item) => item !== 'youth_union_introduction' || youthUnionMember);
}

export function missingDossierItems(dossier: Dossier, youthUnionMember: boolean): DossierItem[] {
  return applicableDossierItems(youthUnionMember).filter((item) => !dossier[item]?.done);
}

export function missingDossierMessage(missing: readonly DossierItem[]): string {
  return `Hồ sơ người vào Đảng còn thiếu: ${missing.map((item) => dossierItemLabels[item].toLocaleLowerCase('vi')).join('; ')}`;
}

/** What the candidate's file waits for, in the words the cell uses. `dueOn` is the step's deadline where one applies. */
export function nextStepOf(input: { state: CandidateState; cellIsGrassroots: boolean; missing: readonly DossierItem[]; dueOn?: string | null }): NextStep {
  const dueOn = input.dueOn ?? null;
  switch (input.state) {
    case 'candidate':
      return input.missing.length > 0
        ? { step: 'dossier', label: `Hoàn thiện hồ sơ (còn thiếu ${input.missing.length} giấy tờ)`, dueOn: null }
        : { step: 'cell_resolution', label: 'Chi bộ họp xét, biểu quyết đề nghị kết nạp', dueOn: null };
    case 'cell_resolved':
      return input.cellIsGrassroots
        ? { step: 'decision', label: `Cấp ủy cấp trên xét, ra quyết định kết nạp${dueOn ? ` (hạn ${viDate(dueOn)})` : ''}`, dueOn }
        : { step: 'committee_resolution', label: `Đảng ủy cơ sở xét, biểu quyết đề nghị kết nạp${dueOn ? ` (quyết định kết nạp hạn ${viDate(dueOn)})` : ''}`, dueOn };
    case 'committee_resolved':
      return { step: 'decision', label: `Cấp ủy cấp trên xét, ra quyết định kết nạp${dueOn ? ` (hạn ${viDate(dueOn)})` : ''}`, dueOn };
    case 'decided':
      return { step: 'ceremony', label: `Tổ chức lễ kết nạp${dueOn ? ` (hạn ${viDate(dueOn)})` : ''}`, dueOn };
    case 'admitted':
      return { step: 'none', label: 'Đã kết nạp, đang trong thời gian dự bị', dueOn: null };
    case 'rejected':
      return { step: 'none', label: 'Hồ sơ đã dừng: không được kết nạp', dueOn: null };
    case 'withdrawn':
      return { step: 'none', label: 'Hồ sơ đã dừng: người vào Đảng rút hồ sơ', dueOn: null };
  }
}

export type Severity = 'overdue' | 'due_soon' | 'ok';

/** Past the due day is overdue; within `soonDays` calendar days (inclusive) is due soon. */
export function severityOf(dueOn: string, today: string, soonDays: number): Severity {
  if (compareIso(today, dueOn) > 0) return 'overdue';
  return compareIso(dueOn, addDays(today, soonDays)) <= 0 ? 'due_soon' : 'ok';
}

/**
 * The Charter's implementing regulation in force on a decision's date, as its preamble cites it. The
 * rulebook's source for the ceremony deadline names it, so a new regulation needs no code change.
 */
export function implementingRegulationBasis(source: string): string {
  const first = source.split(/[;,(]/u)[0].trim();
  return `Quy định số ${first} của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng`;
}

/** Every step keeps the order of the file: a step cannot be dated before the step it follows. */
export function isDatedInOrder(previous: string | null, next: string): boolean {
  return previous === null || compareIso(previous, next) <= 0;
}
