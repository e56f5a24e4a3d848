import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ZodType } from 'zod';
import { admissionDecisionInput, candidateCloseInput, cellResolutionInput, ceremonyInput, committeeResolutionInput } from '../../../shared/admissions';
import type { CandidateDetail, VoterView } from '../../../shared/admissions';
import { isApiError, recordAdmissionStep } from '../../api';
import type { AdmissionStepPath } from '../../api';
import { DateField } from '../../components/date-field';
import { DecisionFields, decisionDraft, decisionInput } from '../../components/decision-fields';
import { nullable, textOf, useZodForm } from '../../components/use-zod-form';
import type { Draft, ZodForm } from '../../components/use-zod-form';
import { CountField, countInput, StepAlert, notifyDone } from './admission-fields';

interface StepFormProps<T> {
  candidate: CandidateDetail;
  path: AdmissionStepPath;
  schema: ZodType<T>;
  initial: Draft;
  toInput: (draft: Draft) => unknown;
  submitLabel: string;
  done: string;
  onDone: () => void;
  children: (form: ZodForm<unknown>) => ReactNode;
}

/** One step's form: validated by the shared schema, sent with the file's version, errors beside the fields. */
function StepForm<T>({ candidate, path, schema, initial, toInput, submitLabel, done, onDone, children }: StepFormProps<T>) {
  const queryClient = useQueryClient();
  const form = useZodForm<T>({ initial, schema, toInput: (draft) => ({ ...(toInput(draft) as object), version: candidate.version }) });
  const save = useMutation({
    mutationFn: async () => {
      const input = form.validate();
      return input === null ? null : recordAdmissionStep(candidate.id, path, input as never);
    },
    onSuccess: (saved) => {
      if (!saved) return;
      queryClient.setQueryData(['candidate', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['candidates'] });
      if (saved.memberId) void queryClient.invalidateQueries({ queryKey: ['members'] });
      notifyDone(done);
      onDone();
    },
    onError: (error) => {
      // Someone else moved the file on: fetch it again so the page shows where it stands now.
      if (isApiError(error, 'CONFLICT')) void queryClient.invalidateQueries({ queryKey: ['candidate', candidate.id] });
      form.applyServerError(error);
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={submitLabel}>
      <Stack gap="sm">
        <StepAlert error={save.error} form={form as ZodForm<unknown>} />
        {children(form as ZodForm<unknown>)}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Hủy
          </Button>
          <Button type="submit" loading={save.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const votesInput = (draft: Draft) => ({
  inFavour: countInput(draft.inFavour),
  against: countInput(draft.against) ?? 0,
  result: draft.result === 'failed' ? ('failed' as const) : ('passed' as const),
});

/** A failed vote is recorded too; after the rulebook's number of them the upper committee decides. */
function VoteResultField({ form }: { form: ZodForm<unknown> }) {
  return (
    <Select
      label="Kết quả biểu quyết"
      allowDeselect={false}
      data={[
        { value: 'passed', label: 'Đạt (đủ tỷ lệ tán thành)' },
        { value: 'failed', label: 'Không đạt: ghi lại lần biểu quyết này' },
      ]}
      {...form.choice('result')}
    />
  );
}

/** Draft keys of the excluded picker, by member id (the input lists the ticked ones in the voters' order). */
const excludedOn = (memberId: number) => `excludedOn.${memberId}`;
const excludedReason = (memberId: number) => `excludedReason.${memberId}`;

function excludedInput(draft: Draft, voters: VoterView[]) {
  return voters.filter((v) => draft[excludedOn(v.memberId)] === true).map((v) => ({ memberId: v.memberId, reason: textOf(draft[excludedReason(v.memberId)]) }));
}

/**
 * Full members the records count as entitled to vote whom the cell leaves out (exempted from party activity, ill,
 * suspended...), each with a reason: the count can only be lowered by naming who (issue #10, the 2/3 vote).
 */
function ExcludedVotersField({ form, voters }: { form: ZodForm<unknown>; voters: VoterView[] }) {
  if (voters.length === 0) return null;
  const ticked = voters.filter((v) => form.draft[excludedOn(v.memberId)] === true);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Đảng viên không tính vào số có quyền biểu quyết
      </Text>
      <Text size="xs" c="dimmed">
        Đánh dấu người được miễn sinh hoạt, ốm đau dài ngày, đang bị đình chỉ sinh hoạt... và ghi lý do.
      </Text>
      {voters.map((voter) => {
        const position = ticked.findIndex((v) => v.memberId === voter.memberId);
        return (
          <SimpleGrid key={voter.memberId} cols={{ base: 1, sm: 2 }} spacing="sm" style={{ alignItems: 'end' }}>
            <Checkbox label={voter.fullName} {...form.checked(excludedOn(voter.memberId))} />
            {position >= 0 ? (
              <TextInput
                label={`Lý do không tính ${voter.fullName}`}
                required
                {...form.text(excludedReason(voter.memberId))}
                error={form.errors[`excluded.${position}.reason`] ?? form.errors[`excluded.${position}.memberId`]}
              />
            ) : null}
          </SimpleGrid>
        );
      })}
      {form.errors.excluded ? (
        <Text size="sm" c="red" role="alert">
          {form.errors.excluded}
        </Text>
      ) : null}
    </Stack>
  );
}

function CellResolutionForm({ candidate, onDone }: { candidate: CandidateDetail; onDone: () => void }) {
  return (
    <StepForm
      candidate={candidate}
      path="cell-resolution"
      schema={cellResolutionInput}
      initial={{ ...decisionDraft('decision', candidate.orgName), inFavour: '', against: '0', eligible: '', result: 'passed' }}
      toInput={(draft) => ({
        decision: decisionInput(draft),
        ...votesInput(draft),
        eligible: countInput(draft.eligible) ?? null,
        excluded: excludedInput(draft, candidate.cellVoters.voters),
      })}
      submitLabel="Ghi nghị quyết của chi bộ"
      done="Đã ghi nghị quyết đề nghị kết nạp của chi bộ."
      onDone={onDone}
    >
      {(form) => (
        <>
          <DecisionFields form={form} numberLabel="Số nghị quyết" dateLabel="Ngày chi bộ họp xét" />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <CountField
              form={form}
              field="eligible"
              label="Số đảng viên chính thức"
              description={`Hiện có ${candidate.cellFullMembers}${candidate.cellVoters.away.length > 0 ? ` (không tính ${candidate.cellVoters.away.length} người sinh hoạt tạm thời nơi khác)` : ''}; để trống thì hệ thống đếm vào ngày họp`}
              required={false}
            />
            <CountField form={form} field="inFavour" label="Số tán thành" />
            <CountField form={form} field="against" label="Số không tán thành" />
          </SimpleGrid>
          <ExcludedVotersField form={form} voters={candidate.cellVoters.voters} />
          <VoteResultField form={form} />
          <Text size="xs" c="dimmed">
            Tuổi đời, giấy chứng nhận bồi dưỡng và người giới thiệu được kiểm tra theo ngày chi bộ họp xét.
          </Text>
        </>
      )}
    </StepForm>
  );
}

function CommitteeResolutionForm({ candidate, onDone }: { candidate: CandidateDetail; onDone: () => void }) {
  return (
    <StepForm
      candidate={candidate}
      path="committee-resolution"
      schema={committeeResolutionInput}
      initial={{ ...decisionDraft('decision'), inFavour: '', against: '0', eligible: '', result: 'passed' }}
      toInput={(draft) => ({ decision: decisionInput(draft), ...votesInput(draft), eligible: countInput(draft.eligible) ?? null })}
      submitLabel="Ghi nghị quyết của đảng ủy cơ sở"
      done="Đã ghi nghị quyết của đảng ủy cơ sở."
      onDone={onDone}
    >
      {(form) => (
        <>
          <DecisionFields form={form} numberLabel="Số nghị quyết" dateLabel="Ngày đảng ủy xét" />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <CountField
              form={form}
              field="eligible"
              label="Tổng số cấp ủy viên"
              description="Để trống thì hệ thống đếm theo danh sách cấp ủy ghi trong hệ thống vào ngày xét"
              required={false}
            />
            <CountField form={form} field="inFavour" label="Số tán thành" />
            <CountField form={form} field="against" label="Số không tán thành" />
          </SimpleGrid>
          <VoteResultField form={form} />
        </>
      )}
    </StepForm>
  );
}

function AdmissionDecisionForm({ candidate, onDone }: { candidate: CandidateDetail; onDone: () => void }) {
  return (
    <StepForm
      candidate={candidate}
      path="decision"
      schema={admissionDecisionInput}
      initial={{
        ...decisionDraft('decision'),
        receivedOn: null,
        extensionReason: '',
        'signing.place': '',
        'signing.signerTitle': 'BÍ THƯ',
        'signing.signerName': '',
      }}
      toInput={(draft) => ({
        decision: decisionInput(draft),
        receivedOn: draft.receivedOn ?? null,
        extensionReason: textOf(draft.extensionReason) || null,
        signing: {
          place: textOf(draft['signing.place']),
          signerAuthority: 'T/M BAN THƯỜNG VỤ',
          signerTitle: textOf(draft['signing.signerTitle']),
          signerName: textOf(draft['signing.signerName']),
        },
      })}
      submitLabel="Ghi quyết định kết nạp"
      done="Đã ghi quyết định kết nạp."
      onDone={onDone}
    >
      {(form) => (
        <>
          <DecisionFields form={form} />
          <DateField
            label="Ngày chi bộ nhận quyết định"
            description="Hạn tổ chức lễ kết nạp tính từ ngày này; để trống là ngày quyết định"
            {...form.date('receivedOn')}
          />
          {candidate.referredUpward && <Text size="sm">Chi bộ (hoặc đảng ủy cơ sở) đã biểu quyết không đạt 3 lần: cấp ủy cấp trên xem xét, quyết định.</Text>}
          <Textarea
            label="Lý do gia hạn"
            description="Chỉ khi quyết định sau 60 ngày làm việc kể từ nghị quyết của chi bộ (gia hạn tối đa 30 ngày làm việc)"
            autosize
            minRows={1}
            {...form.text('extensionReason')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label="Nơi ban hành (in trên quyết định)" {...form.text('signing.place')} />
            <TextInput label="Chức vụ người ký" {...form.text('signing.signerTitle')} />
            <TextInput label="Họ tên người ký" {...form.text('signing.signerName')} />
          </SimpleGrid>
        </>
      )}
    </StepForm>
  );
}

function CeremonyForm({ candidate, onDone }: { candidate: CandidateDetail; onDone: () => void }) {
  return (
    <StepForm
      candidate={candidate}
      path="ceremony"
      schema={ceremonyInput}
      initial={{ ceremonyDate: null, profileNumber: '', lateConsent: false, ...decisionDraft('upperCommitteeConsent') }}
      toInput={(draft) => ({
        ceremonyDate: draft.ceremonyDate ?? undefined,
        profileNumber: nullable(draft.profileNumber),
        upperCommitteeConsent: draft.lateConsent === true ? decisionInput(draft, 'upperCommitteeConsent') : null,
      })}
      submitLabel="Ghi lễ kết nạp"
      done={`Đã kết nạp ${candidate.fullName}: đảng viên dự bị.`}
      onDone={onDone}
    >
      {(form) => (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateField label="Ngày tổ chức lễ kết nạp" required {...form.date('ceremonyDate')} />
            <TextInput label="Số lý lịch đảng viên" {...form.text('profileNumber')} />
          </SimpleGrid>
          <Checkbox label="Tổ chức muộn, có ý kiến đồng ý của cấp ủy cấp trên" {...form.checked('lateConsent')} />
          {form.draft.lateConsent === true ? (
            <DecisionFields form={form} prefix="upperCommitteeConsent" numberLabel="Số văn bản đồng ý" dateLabel="Ngày văn bản" />
          ) : null}
          <Text size="xs" c="dimmed">
            Sau lễ kết nạp, hệ thống lập hồ sơ đảng viên dự bị; thời gian dự bị tính từ ngày này.
          </Text>
        </>
      )}
    </StepForm>
  );
}

function CloseForm({ candidate, onDone }: { candidate: CandidateDetail; onDone: () => void }) {
  return (
    <StepForm
      candidate={candidate}
      path="close"
      schema={candidateCloseInput}
      initial={{ outcome: 'withdrawn', ...decisionDraft('decision'), reason: '' }}
      toInput={(draft) => ({ outcome: draft.outcome ?? undefined, decision: decisionInput(draft), reason: textOf(draft.reason) })}
      submitLabel="Dừng hồ sơ"
      done="Đã dừng hồ sơ."
      onDone={onDone}
    >
      {(form) => (
        <>
          <Select
            label="Kết quả"
            allowDeselect={false}
            data={[
              { value: 'withdrawn', label: 'Người vào Đảng rút hồ sơ' },
              { value: 'rejected', label: 'Không được kết nạp' },
            ]}
            {...form.choice('outcome')}
          />
          <DecisionFields form={form} numberLabel="Số văn bản" dateLabel="Ngày văn bản" />
          <Textarea label="Lý do" required autosize minRows={2} {...form.text('reason')} />
        </>
      )}
    </StepForm>
  );
}

const stepForms = {
  cell_resolution: { button: 'Ghi nghị quyết chi bộ', title: 'Chi bộ xét, biểu quyết đề nghị kết nạp', Form: CellResolutionForm },
  committee_resolution: { button: 'Ghi nghị quyết đảng ủy cơ sở', title: 'Đảng ủy cơ sở xét, biểu quyết', Form: CommitteeResolutionForm },
  decision: { button: 'Ghi quyết định kết nạp', title: 'Quyết định kết nạp của cấp ủy cấp trên', Form: AdmissionDecisionForm },
  ceremony: { button: 'Ghi lễ kết nạp', title: 'Lễ kết nạp đảng viên', Form: CeremonyForm },
} as const;

/** The button for the file's next step (and for stopping it), each opening its form. */
export function AdmissionStepActions({ candidate }: { candidate: CandidateDetail }) {
  const [open, setOpen] = useState<keyof typeof stepForms | 'close' | null>(null);
  const step = candidate.nextStep.step;
  const current = step in stepForms ? stepForms[step as keyof typeof stepForms] : null;
  const closable = ['candidate', 'cell_resolved', 'committee_resolved', 'decided'].includes(candidate.state);
  const close = () => setOpen(null);
  return (
    <>
      <Group gap="xs">
        {current ? <Button onClick={() => setOpen(step as keyof typeof stepForms)}>{current.button}</Button> : null}
        {closable ? (
          <Button variant="default" color="red" onClick={() => setOpen('close')}>
            Dừng hồ sơ
          </Button>
        ) : null}
      </Group>
      <Modal
        opened={open !== null}
        onClose={close}
        title={open === 'close' ? 'Dừng hồ sơ kết nạp' : open ? stepForms[open].title : ''}
        size="lg"
        closeButtonProps={{ 'aria-label': 'Đóng' }}
      >
        {open === 'close' ? <CloseForm candidate={candidate} onDone={close} /> : null}
        {open && open !== 'close'
          ? (() => {
              const { Form } = stepForms[open];
              return <Form candidate={candidate} onDone={close} />;
            })()
          : null}
      </Modal>
    </>
  );
}
