import { Alert, Button, Group, List, Paper, Select, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { todayIso } from '../../../shared/dates';
import { exitInput, exitKindLabels, exitKinds, interruptionKindLabels, strikeOffGroundLabels, strikeOffGrounds } from '../../../shared/exits';
import type { ExitInput, ExitKind, PartyAgeResult } from '../../../shared/exits';
import { memberStatusLabels } from '../../../shared/member';
import type { Member, MemberStatus } from '../../../shared/member';
import { getPartyAge, recordExit } from '../../api';
import { ConfirmModal, useConfirmation } from '../../components/confirm-modal';
import { DateField } from '../../components/date-field';
import { DecisionFields, decisionDraft, decisionInput } from '../../components/decision-fields';
import { ModalButton } from '../../components/modal-button';
import { ErrorState } from '../../components/page-state';
import { nullable, submitValid, useZodForm } from '../../components/use-zod-form';
import type { Draft, ZodForm } from '../../components/use-zod-form';
import { showDate } from '../../format';
import { CountField, countInput, StepAlert } from '../admissions/admission-fields';
import { useCan } from '../auth/session';

const leftStatuses = ['struck_off', 'expelled', 'withdrawn'];

function ageText(age: Pick<PartyAgeResult, 'years' | 'months'>): string {
  if (age.years === null || age.months === null) return '—';
  if (age.years === 0) return `${age.months} tháng`;
  return age.months === 0 ? `${age.years} năm` : `${age.years} năm ${age.months} tháng`;
}

function useRefreshAll() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries();
}

const exitConfirmTitles: Record<ExitKind, string> = { strike_off: 'Xác nhận xóa tên', withdrawal: 'Xác nhận ra khỏi Đảng', death: 'Xác nhận từ trần' };
const exitConfirmLabels: Record<ExitKind, string> = { strike_off: 'Xóa tên', withdrawal: 'Ghi ra khỏi Đảng', death: 'Ghi từ trần' };
const exitStatuses: Record<ExitKind, MemberStatus> = { strike_off: 'struck_off', withdrawal: 'withdrawn', death: 'deceased' };

/** What an exit does, said before it is recorded: who, from when, under which decision, and what stays. */
function ExitConsequences({ member, input }: { member: Member; input: ExitInput }) {
  const on = showDate(input.occurredOn);
  const decisionNote = ` (quyết định số ${input.decision.number} ngày ${showDate(input.decision.date)})`;
  const what: Record<ExitKind, string> = {
    strike_off: `Đồng chí ${member.fullName} sẽ bị xóa tên khỏi danh sách đảng viên của ${member.orgName} từ ngày ${on}${decisionNote}.`,
    withdrawal: `Đồng chí ${member.fullName} sẽ được ghi là ra khỏi Đảng (xin ra) từ ngày ${on}${decisionNote}.`,
    death: `Đồng chí ${member.fullName} sẽ được ghi là đã từ trần ngày ${on}${decisionNote}.`,
  };
  return (
    <Stack gap="xs">
      <Text fw={600}>{what[input.kind]}</Text>
      <List size="sm" spacing={4}>
        <List.Item>
          Từ ngày {on}, đồng chí không còn được tính trong số lượng đảng viên của {member.orgName} và các cấp trên; tình trạng hồ sơ chuyển thành “
          {memberStatusLabels[exitStatuses[input.kind]]}”.
        </List.Item>
        <List.Item>Lý lịch, quá trình sinh hoạt và tuổi đảng đến ngày đó vẫn được giữ nguyên.</List.Item>
        {input.kind === 'death' ? null : <List.Item>Muốn trở lại Đảng phải làm thủ tục kết nạp lại.</List.Item>}
        <List.Item>Biến động được ghi vào lịch sử hồ sơ và nhật ký hệ thống, không xóa được.</List.Item>
      </List>
    </Stack>
  );
}

function strikeOffInput(draft: Draft) {
  return {
    ground: draft['strikeOff.ground'] ?? undefined,
    cellResolution: decisionInput(draft, 'strikeOff.cellResolution'),
    vote: {
      inFavour: countInput(draft['strikeOff.vote.inFavour']),
      against: countInput(draft['strikeOff.vote.against']) ?? 0,
      eligible: countInput(draft['strikeOff.vote.eligible']),
    },
  };
}

function ExitForm({ member, onDone }: { member: Member; onDone: () => void }) {
  const refresh = useRefreshAll();
  const form = useZodForm<ExitInput>({
    initial: {
      kind: 'strike_off',
      occurredOn: todayIso(),
      reason: '',
      ...decisionDraft('decision'),
      'strikeOff.ground': null,
      ...decisionDraft('strikeOff.cellResolution', member.orgName),
      'strikeOff.vote.inFavour': '',
      'strikeOff.vote.against': '0',
      'strikeOff.vote.eligible': '',
    },
    schema: exitInput,
    toInput: (draft) => ({
      kind: draft.kind ?? undefined,
      occurredOn: draft.occurredOn ?? undefined,
      decision: decisionInput(draft),
      reason: nullable(draft.reason) ?? undefined,
      strikeOff: draft.kind === 'strike_off' ? strikeOffInput(draft) : undefined,
      version: member.version,
    }),
  });
  const strikingOff = form.draft.kind === 'strike_off';
  const save = useMutation({
    mutationFn: (input: ExitInput) => recordExit(member.id, input),
    onSuccess: () => {
      refresh();
      notifications.show({
        color: 'green',
        message: `Đã ghi biến động của đồng chí ${member.fullName}.`,
        closeButtonProps: { 'aria-label': 'Đóng thông báo' },
      });
      onDone();
    },
    onError: (error) => form.applyServerError(error),
  });
  const confirmation = useConfirmation(save.mutate);
  const onSubmit = submitValid(form, confirmation.ask);
  const pending = confirmation.pending;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Ghi ra khỏi Đảng, từ trần">
      <ConfirmModal
        opened={pending !== null}
        title={pending ? exitConfirmTitles[pending.kind] : ''}
        confirmLabel={pending ? exitConfirmLabels[pending.kind] : ''}
        onConfirm={confirmation.confirm}
        onCancel={confirmation.cancel}
      >
        {pending ? <ExitConsequences member={member} input={pending} /> : null}
      </ConfirmModal>
      <Stack gap="sm">
        <StepAlert error={save.error} form={form as ZodForm<unknown>} />
        <Text size="sm">Từ ngày có hiệu lực, đảng viên không còn được tính trong số lượng; quá trình sinh hoạt vẫn được giữ nguyên.</Text>
        <Select label="Biến động" allowDeselect={false} data={exitKinds.map((k) => ({ value: k, label: exitKindLabels[k] }))} {...form.choice('kind')} />
        <DateField label="Ngày có hiệu lực" required {...form.date('occurredOn')} />
        <DecisionFields form={form as ZodForm<unknown>} />
        {strikingOff ? (
          <>
            <Select
              label="Căn cứ xóa tên (Điều 8 Điều lệ Đảng)"
              required
              allowDeselect={false}
              data={strikeOffGrounds.map((g) => ({ value: g, label: strikeOffGroundLabels[g] }))}
              {...form.choice('strikeOff.ground')}
            />
            <Text size="sm" fw={600}>
              Nghị quyết của chi bộ đề nghị xóa tên
            </Text>
            <DecisionFields
              form={form as ZodForm<unknown>}
              prefix="strikeOff.cellResolution"
              numberLabel="Số nghị quyết"
              numberPlaceholder="Ví dụ: 07-NQ/CB"
              dateLabel="Ngày nghị quyết"
            />
            <Group grow>
              <CountField form={form as ZodForm<unknown>} field="strikeOff.vote.inFavour" label="Số tán thành" />
              <CountField form={form as ZodForm<unknown>} field="strikeOff.vote.against" label="Số không tán thành" />
              <CountField form={form as ZodForm<unknown>} field="strikeOff.vote.eligible" label="Số đảng viên chính thức của chi bộ" />
            </Group>
          </>
        ) : null}
        <Textarea label="Lý do" autosize minRows={2} {...form.text('reason')} />
        <Button type="submit" color="red" loading={save.isPending}>
          Ghi biến động
        </Button>
      </Stack>
    </form>
  );
}

/**
 * The member's party age (net of interruptions), whether a person who left may be readmitted, and the
 * membership workflows that start from the member: transfer, exit, readmission.
 */
export function MemberWorkflowPanel({ member }: { member: Member }) {
  const canTransfer = useCan('transfers.step');
  const canRecordExit = useCan('exits.record');
  const canAdmit = useCan('admissions.step');
  const age = useQuery({ queryKey: ['party-age', member.id, member.version], queryFn: ({ signal }) => getPartyAge(member.id, signal) });
  const active = member.status === 'full' || member.status === 'probationary';
  const left = leftStatuses.includes(member.status);
  return (
    <Paper withBorder p="md" mb="md" component="section" aria-label="Tuổi đảng và biến động">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
          {age.isPending ? <Skeleton h={40} /> : null}
          {age.isError ? <ErrorState error={age.error} onRetry={() => age.refetch()} /> : null}
          {age.data ? (
            <>
              {age.data.notShownReason ? (
                <Text data-testid="party-age" size="sm" c="dimmed">
                  {age.data.notShownReason}
                </Text>
              ) : (
                <Text data-testid="party-age">
                  Tuổi đảng: <strong>{ageText(age.data)}</strong>
                  <Text span size="sm" c="dimmed">
                    {' '}
                    (tính đến {showDate(age.data.asOf)}, đã trừ thời gian gián đoạn)
                  </Text>
                </Text>
              )}
              {age.data.interruptions.length > 0 ? (
                <List size="sm">
                  {age.data.interruptions.map((gap) => (
                    <List.Item key={`${gap.kind}-${gap.from}`}>
                      {interruptionKindLabels[gap.kind]}: {showDate(gap.from)} – {gap.to ? showDate(gap.to) : 'nay'}
                    </List.Item>
                  ))}
                </List>
              ) : null}
              {age.data.readmission ? (
                <Alert variant="light" color={age.data.readmission.eligible ? 'green' : 'gray'} title="Kết nạp lại">
                  {age.data.readmission.eligible
                    ? `Đủ điều kiện xét kết nạp lại (ra khỏi Đảng ngày ${showDate(age.data.readmission.leftOn)}).`
                    : age.data.readmission.problems.map((problem) => (
                        <Text size="sm" key={problem}>
                          {problem}
                        </Text>
                      ))}
                </Alert>
              ) : null}
            </>
          ) : null}
        </Stack>
        {canTransfer || canRecordExit || canAdmit ? (
          <Group gap="xs" className="no-print">
            {active && canTransfer ? (
              <Button component={Link} to={`/chuyen-sinh-hoat/moi?memberId=${member.id}`} variant="default">
                Chuyển sinh hoạt
              </Button>
            ) : null}
            {active && canRecordExit ? (
              <ModalButton label="Xóa tên, ra khỏi Đảng, từ trần" title={`Ghi biến động: ${member.fullName}`} variant="default" color="red" size="lg">
                {(close) => <ExitForm member={member} onDone={close} />}
              </ModalButton>
            ) : null}
            {left && canAdmit ? (
              // Kết nạp lại is an admission case: the whole procedure again, from a candidate's file.
              <Button component={Link} to={`/ket-nap/moi?ketNapLai=${member.id}`} variant="default">
                Lập hồ sơ kết nạp lại
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Group>
    </Paper>
  );
}
