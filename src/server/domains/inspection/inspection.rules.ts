import { caseStepKindLabels, type CaseStepKind, type InspectionCaseKind, type TimetableStep } from '../../../shared/inspection.js';
import { type RuleParam, type RuleViolation, violation, viDate } from '../rulebook/rule-violation.rules.js';

/** The rulebook's `inspection_step_order`: the steps every case goes through, in order (296-QĐ/TW). */
export interface StepOrder {
  required: CaseStepKind[];
}

export interface StepState {
  caseKind: InspectionCaseKind;
  suspended: boolean;
  steps: { kind: CaseStepKind; occurredOn: string }[];
}

const RULE = 'inspection_step_order';
const label = (kind: CaseStepKind) => `«${caseStepKindLabels[kind]}»`;

/**
 * Whether a step may be recorded now: the required steps come once each and in order; verification lies between the
 * subject's report and the conclusion; follow-up comes after the notice; a suspension only while a case on signs of
 * violation is open, and its end only while one is in force. A step is never dated before the step before it.
 */
export function checkStep(state: StepState, step: { kind: CaseStepKind; occurredOn: string }, order: RuleParam<StepOrder>): RuleViolation[] {
  const done = new Set(state.steps.map((s) => s.kind));
  const refuse = (field: string, message: string) => [violation(RULE, order, field, message)];
  const last = state.steps.reduce<string | null>((latest, s) => (latest === null || s.occurredOn > latest ? s.occurredOn : latest), null);
  if (last && step.occurredOn < last) return refuse('occurredOn', `Ngày thực hiện: bước ${label(step.kind)} không được trước bước đã ghi ngày ${viDate(last)}`);
  const required = order.value.required;
  const missingBefore = (kind: CaseStepKind) => required.slice(0, Math.max(0, required.indexOf(kind))).find((k) => !done.has(k));
  const concluded = done.has('conclusion');

  if (required.includes(step.kind)) {
    if (done.has(step.kind)) return refuse('kind', `Bước: ${label(step.kind)} đã được ghi cho cuộc này`);
    const missing = missingBefore(step.kind);
    if (missing) return refuse('kind', `Bước: chưa có bước ${label(missing)} nên chưa ghi được ${label(step.kind)}`);
    return [];
  }
  switch (step.kind) {
    case 'verification':
      if (!done.has('subject_report')) return refuse('kind', `Bước: thẩm tra, xác minh sau khi có bước ${label('subject_report')}`);
      if (concluded) return refuse('kind', 'Bước: cuộc đã có kết luận, không thẩm tra, xác minh thêm');
      return [];
    case 'follow_up':
      if (!done.has('conclusion_notice')) return refuse('kind', `Bước: theo dõi thực hiện kết luận sau bước ${label('conclusion_notice')}`);
      return [];
    case 'suspension':
      if (state.caseKind !== 'violation_inspection')
        return refuse('kind', 'Bước: chỉ đình chỉ sinh hoạt, hoạt động của đối tượng trong cuộc kiểm tra khi có dấu hiệu vi phạm');
      if (concluded) return refuse('kind', 'Bước: cuộc đã có kết luận, không đình chỉ được nữa');
      if (state.suspended) return refuse('kind', 'Bước: đối tượng đang bị đình chỉ');
      return [];
    case 'suspension_end':
      if (!state.suspended) return refuse('kind', 'Bước: đối tượng không bị đình chỉ nên không có gì để kết thúc');
      return [];
    default:
      return refuse('kind', `Bước: ${label(step.kind)} không ghi được ở đây`);
  }
}

/** The next required step not yet done (null when the case is closed). */
export function nextRequiredStep(done: readonly CaseStepKind[], order: StepOrder): CaseStepKind | null {
  return order.required.find((k) => !done.includes(k)) ?? null;
}

/** The planned date of a step from the case's timetable, if the decision set one. */
export function plannedDate(timetable: Record<string, string | null | undefined>, step: CaseStepKind | null): string | null {
  if (!step) return null;
  return timetable[step as TimetableStep] ?? null;
}

/** The timetable's dates follow the procedure's order and none comes before the decision. */
export function checkTimetable(decisionDate: string, timetable: Record<string, string | null | undefined>, order: RuleParam<StepOrder>): RuleViolation[] {
  let previous = decisionDate;
  let previousKind: CaseStepKind = 'decision';
  for (const kind of order.value.required) {
    const planned = timetable[kind];
    if (kind === 'decision' || !planned) continue;
    if (planned < previous)
      return [
        violation(
          RULE,
          order,
          `timetable.${kind}`,
          `Lịch tiến hành: ngày dự kiến của bước ${label(kind)} (${viDate(planned)}) không được trước bước ${label(previousKind)} (${viDate(previous)})`,
        ),
      ];
    previous = planned;
    previousKind = kind;
  }
  return [];
}
