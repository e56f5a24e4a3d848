import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  committeeReformCreate,
  committeeReformKindLabels,
  committeeReformKinds,
  committeeTermCreate,
  type CommitteeReformCreate,
  type CommitteeTermCreate,
} from '../../../shared/study';
import { createCommitteeTerm, listCommitteeChecks, listCommitteeReforms, listCommitteeTerms, recordCommitteeReform } from '../../api';
import { DateField } from '../../components/date-field';
import { DecisionFields, decisionDraft, decisionInput } from '../../components/decision-fields';
import { ModalButton } from '../../components/modal-button';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { nullable, numberOrNull, submitValid, textOf, useZodForm } from '../../components/use-zod-form';
import type { ZodForm } from '../../components/use-zod-form';
import { showDate, showNumber } from '../../format';
import { decisionText } from '../members/member-labels';

/** The organisation's committee terms and congresses, its re-forming and supplementing events, and the size-rule check. */
export function OrgTerms({ orgId, canManage }: { orgId: number; canManage: boolean }) {
  const terms = useQuery({ queryKey: ['committee-terms', orgId], queryFn: ({ signal }) => listCommitteeTerms(orgId, signal) });
  const reforms = useQuery({ queryKey: ['committee-reforms', orgId], queryFn: ({ signal }) => listCommitteeReforms(orgId, signal) });
  const checks = useQuery({ queryKey: ['committee-checks', orgId], queryFn: ({ signal }) => listCommitteeChecks(orgId, signal) });
  const flag = checks.data?.items.find((f) => f.orgId === orgId);
  return (
    <Stack gap="md">
      {flag ? (
        <Alert color="orange" variant="light" title="Cấp ủy chưa đúng quy định">
          {flag.message}
        </Alert>
      ) : null}
      <Group justify="space-between">
        <Title order={4}>Nhiệm kỳ và đại hội</Title>
        {canManage ? (
          <ModalButton label="Ghi đại hội, nhiệm kỳ" title="Ghi đại hội, nhiệm kỳ" size="lg">
            {(close) => <TermForm orgId={orgId} onDone={close} />}
          </ModalButton>
        ) : null}
      </Group>
      {terms.isPending ? (
        <PageLoader />
      ) : terms.isError ? (
        <ErrorState error={terms.error} onRetry={() => terms.refetch()} />
      ) : terms.data.items.length === 0 ? (
        <EmptyText>Chưa ghi đại hội, nhiệm kỳ nào.</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Nhiệm kỳ</Table.Th>
                <Table.Th>Ngày đại hội</Table.Th>
                <Table.Th>Đại biểu</Table.Th>
                <Table.Th>Cấp ủy viên được bầu</Table.Th>
                <Table.Th>Quyết định</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {terms.data.items.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>{t.term}</Table.Td>
                  <Table.Td>{showDate(t.congressOn)}</Table.Td>
                  <Table.Td>{showNumber(t.delegates)}</Table.Td>
                  <Table.Td>{showNumber(t.electedCount)}</Table.Td>
                  <Table.Td>{decisionText(t.decision)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group justify="space-between">
        <Title order={4}>Kiện toàn, bổ sung cấp ủy</Title>
        {canManage ? (
          <ModalButton label="Ghi kiện toàn, bổ sung" title="Ghi kiện toàn, bổ sung cấp ủy" size="lg" variant="default">
            {(close) => <ReformForm orgId={orgId} onDone={close} />}
          </ModalButton>
        ) : null}
      </Group>
      {reforms.isPending ? (
        <PageLoader />
      ) : reforms.isError ? (
        <ErrorState error={reforms.error} onRetry={() => reforms.refetch()} />
      ) : reforms.data.items.length === 0 ? (
        <EmptyText>Chưa có lần kiện toàn, bổ sung cấp ủy nào.</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Ngày</Table.Th>
                <Table.Th>Loại</Table.Th>
                <Table.Th>Nhiệm kỳ</Table.Th>
                <Table.Th>Quyết định</Table.Th>
                <Table.Th>Ghi chú</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reforms.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{showDate(r.occurredOn)}</Table.Td>
                  <Table.Td>{committeeReformKindLabels[r.kind]}</Table.Td>
                  <Table.Td>{r.term ?? '—'}</Table.Td>
                  <Table.Td>{decisionText(r.decision)}</Table.Td>
                  <Table.Td>{r.note ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed">
        Dưới 9 đảng viên chính thức: bầu bí thư (và phó bí thư); từ 9 đảng viên chính thức trở lên: bầu cấp ủy.
      </Text>
    </Stack>
  );
}

function TermForm({ orgId, onDone }: { orgId: number; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useZodForm<CommitteeTermCreate>({
    initial: { term: '2025–2030', congressOn: null, delegates: '', electedCount: '', note: '', ...decisionDraft('decision') },
    schema: committeeTermCreate,
    toInput: (draft) => ({
      term: textOf(draft.term),
      congressOn: draft.congressOn ?? undefined,
      delegates: numberOrNull(draft.delegates) ?? undefined,
      electedCount: numberOrNull(draft.electedCount) ?? undefined,
      decision: decisionInput(draft),
      note: nullable(draft.note),
    }),
  });
  const save = useMutation({
    mutationFn: (input: CommitteeTermCreate) => createCommitteeTerm(orgId, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['committee-terms', orgId] });
      onDone();
    },
    onError: (error) => form.applyServerError(error),
  });
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate aria-label="Ghi đại hội, nhiệm kỳ">
      <Stack gap="sm">
        <SaveErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Nhiệm kỳ" required placeholder="2025–2030" {...form.text('term')} />
          <DateField label="Ngày đại hội" required {...form.date('congressOn')} />
          <NumberInput
            label="Số đại biểu (đảng viên) dự đại hội"
            required
            min={1}
            thousandSeparator="."
            decimalSeparator=","
            value={textOf(form.draft.delegates)}
            onChange={(value) => form.set('delegates', String(value))}
            error={form.errors.delegates}
          />
          <NumberInput
            label="Số cấp ủy viên được bầu"
            required
            min={1}
            value={textOf(form.draft.electedCount)}
            onChange={(value) => form.set('electedCount', String(value))}
            error={form.errors.electedCount}
          />
        </SimpleGrid>
        <DecisionFields form={form as ZodForm<unknown>} numberLabel="Quyết định chuẩn y" numberPlaceholder="Ví dụ: 125-QĐ/ĐUK" />
        <TextInput label="Ghi chú" {...form.text('note')} />
        <Button type="submit" loading={save.isPending}>
          Ghi đại hội
        </Button>
      </Stack>
    </form>
  );
}

function ReformForm({ orgId, onDone }: { orgId: number; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useZodForm<CommitteeReformCreate>({
    initial: { kind: 'supplement', occurredOn: null, note: '', ...decisionDraft('decision') },
    schema: committeeReformCreate,
    toInput: (draft) => ({
      kind: draft.kind ?? undefined,
      occurredOn: draft.occurredOn ?? undefined,
      decision: decisionInput(draft),
      note: nullable(draft.note),
    }),
  });
  const save = useMutation({
    mutationFn: (input: CommitteeReformCreate) => recordCommitteeReform(orgId, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['committee-reforms', orgId] });
      onDone();
    },
    onError: (error) => form.applyServerError(error),
  });
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate aria-label="Ghi kiện toàn, bổ sung cấp ủy">
      <Stack gap="sm">
        <SaveErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Loại"
            required
            allowDeselect={false}
            data={committeeReformKinds.map((k) => ({ value: k, label: committeeReformKindLabels[k] }))}
            {...form.choice('kind')}
          />
          <DateField label="Ngày kiện toàn, bổ sung" required {...form.date('occurredOn')} />
        </SimpleGrid>
        <DecisionFields form={form as ZodForm<unknown>} />
        <TextInput label="Ghi chú" {...form.text('note')} />
        <Button type="submit" loading={save.isPending}>
          Ghi
        </Button>
      </Stack>
    </form>
  );
}
