import { useState } from 'react';
import { Button, Group, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { committeeAppointment, committeeEnd, committeePositionLabels, committeePositions } from '../../../shared/committees';
import type { CommitteeAppointment, CommitteeEnd, CommitteeSeat } from '../../../shared/committees';
import { todayIso } from '../../../shared/dates';
import { appointToCommittee, endCommitteeSeat, listCommittee, listMembers } from '../../api';
import { ConfirmModal, useConfirmation } from '../../components/confirm-modal';
import { DateField } from '../../components/date-field';
import { DecisionFields, decisionDraft, decisionInput } from '../../components/decision-fields';
import { ModalButton } from '../../components/modal-button';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { SearchSelect } from '../../components/search-select';
import { usePickedRef } from '../../components/use-picked-ref';
import { numberOrNull, submitValid, textOf, useZodForm } from '../../components/use-zod-form';
import type { ZodForm } from '../../components/use-zod-form';
import { showDate } from '../../format';
import { decisionText, memberOptions } from '../members/member-labels';

/** The organisation's committee (cấp ủy) by term: who holds which seat since when, and the ended seats on request. */
export function OrgCommittee({ orgId, canManage }: { orgId: number; canManage: boolean }) {
  const [history, setHistory] = useState(false);
  const seats = useQuery({ queryKey: ['committee', orgId, history], queryFn: ({ signal }) => listCommittee(orgId, history, signal) });
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Switch label="Cả các chức vụ đã kết thúc" checked={history} onChange={(event) => setHistory(event.currentTarget.checked)} />
        {canManage ? (
          <ModalButton label="Ghi chức vụ cấp ủy" title="Ghi chức vụ cấp ủy" size="lg">
            {(close) => <AppointForm orgId={orgId} onDone={close} />}
          </ModalButton>
        ) : null}
      </Group>
      {seats.isPending ? (
        <PageLoader />
      ) : seats.isError ? (
        <ErrorState error={seats.error} />
      ) : seats.data.length === 0 ? (
        <EmptyText>Chưa ghi cấp ủy của tổ chức này.</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Họ và tên</Table.Th>
                <Table.Th>Chức vụ</Table.Th>
                <Table.Th>Nhiệm kỳ</Table.Th>
                <Table.Th>Từ ngày</Table.Th>
                <Table.Th>Đến ngày</Table.Th>
                <Table.Th>Quyết định</Table.Th>
                {canManage ? <Table.Th aria-label="Thao tác" /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {seats.data.map((seat) => (
                <Table.Tr key={seat.id}>
                  <Table.Td>{seat.fullName}</Table.Td>
                  <Table.Td>{committeePositionLabels[seat.position]}</Table.Td>
                  <Table.Td>{seat.term}</Table.Td>
                  <Table.Td>{showDate(seat.startOn)}</Table.Td>
                  <Table.Td>{seat.endOn ? showDate(seat.endOn) : '—'}</Table.Td>
                  <Table.Td>{decisionText(seat.decision)}</Table.Td>
                  {canManage ? (
                    <Table.Td>
                      {seat.endOn ? null : (
                        <ModalButton label="Kết thúc" title={`Kết thúc chức vụ: ${seat.fullName}`} variant="subtle">
                          {(close) => <EndForm seat={seat} onDone={close} />}
                        </ModalButton>
                      )}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed">
        Chức vụ đã kết thúc vẫn được lưu trong lịch sử cấp ủy.
      </Text>
    </Stack>
  );
}

function AppointForm({ orgId, onDone }: { orgId: number; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useZodForm<CommitteeAppointment>({
    initial: { memberId: null, position: 'committee_member', term: '2025–2030', startOn: todayIso(), ...decisionDraft('decision') },
    schema: committeeAppointment,
    toInput: (draft) => ({
      memberId: numberOrNull(draft.memberId) ?? undefined,
      position: draft.position ?? undefined,
      term: textOf(draft.term),
      startOn: draft.startOn ?? undefined,
      decision: decisionInput(draft),
    }),
  });
  const save = useMutation({
    mutationFn: (input: CommitteeAppointment) => appointToCommittee(orgId, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['committee', orgId] });
      onDone();
    },
    onError: (error) => form.applyServerError(error),
  });
  const member = usePickedRef(form as ZodForm<unknown>, 'memberId');
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate aria-label="Ghi chức vụ cấp ủy">
      <Stack gap="sm">
        <SaveErrorAlert error={save.error} />
        <SearchSelect
          label="Đảng viên"
          required
          placeholder="Gõ họ tên, số thẻ hoặc số CCCD"
          queryKey={['members', 'committee-pick', orgId]}
          search={(q, signal) => listMembers({ orgId, q, status: 'full', page: 1, pageSize: 20 }, signal)}
          toOptions={memberOptions}
          {...member}
        />
        <Select
          label="Chức vụ"
          required
          allowDeselect={false}
          data={committeePositions.map((p) => ({ value: p, label: committeePositionLabels[p] }))}
          {...form.choice('position')}
        />
        <Group grow>
          <TextInput label="Nhiệm kỳ" required {...form.text('term')} />
          <DateField label="Nhận nhiệm vụ từ ngày" required {...form.date('startOn')} />
        </Group>
        <DecisionFields form={form as ZodForm<unknown>} />
        <Button type="submit" loading={save.isPending}>
          Ghi
        </Button>
      </Stack>
    </form>
  );
}

function EndForm({ seat, onDone }: { seat: CommitteeSeat; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useZodForm<CommitteeEnd>({
    initial: { endOn: todayIso(), reason: '', ...decisionDraft('decision') },
    schema: committeeEnd,
    toInput: (draft) => ({ endOn: draft.endOn ?? undefined, decision: decisionInput(draft), reason: textOf(draft.reason) || undefined, version: seat.version }),
  });
  const save = useMutation({
    mutationFn: (input: CommitteeEnd) => endCommitteeSeat(seat.id, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['committee', seat.orgId] });
      onDone();
    },
    onError: (error) => form.applyServerError(error),
  });
  const confirmation = useConfirmation(save.mutate);
  const pending = confirmation.pending;
  const position = committeePositionLabels[seat.position].toLowerCase();
  return (
    <form onSubmit={submitValid(form, confirmation.ask)} noValidate aria-label="Kết thúc chức vụ cấp ủy">
      <ConfirmModal
        opened={pending !== null}
        title="Xác nhận kết thúc chức vụ"
        confirmLabel="Kết thúc chức vụ"
        onConfirm={confirmation.confirm}
        onCancel={confirmation.cancel}
      >
        {pending ? (
          <Stack gap="xs">
            <Text fw={600}>
              Đồng chí {seat.fullName} thôi giữ chức vụ {position} (nhiệm kỳ {seat.term}) từ ngày {showDate(pending.endOn)}, theo quyết định số{' '}
              {pending.decision.number} ngày {showDate(pending.decision.date)}.
            </Text>
            <Text size="sm">
              Từ ngày đó đồng chí không còn được tính trong cấp ủy; chức vụ vẫn được lưu trong lịch sử cấp ủy. Muốn giữ lại chức vụ phải ghi một quyết định mới.
            </Text>
          </Stack>
        ) : null}
      </ConfirmModal>
      <Stack gap="sm">
        <SaveErrorAlert error={save.error} />
        <DateField label="Ngày kết thúc" required {...form.date('endOn')} />
        <DecisionFields form={form as ZodForm<unknown>} />
        <TextInput label="Lý do" {...form.text('reason')} />
        <Button type="submit" color="red" loading={save.isPending}>
          Kết thúc chức vụ
        </Button>
      </Stack>
    </form>
  );
}
