import { useState } from 'react';
import type { FormEvent } from 'react';
import { Alert, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { probationDecisionInput, probationOutcomeLabels, probationProposalLabels, probationReviewInput } from '../../../shared/admissions';
import type { ProbationDecisionInput, ProbationReviewKind, ProbationView } from '../../../shared/admissions';
import { confirmationDecisionUrl, decideProbation, getProbation, isApiError, recordProbationReview } from '../../api';
import { ConfirmModal, useConfirmation } from '../../components/confirm-modal';
import { Fact } from '../../components/fact-list';
import { DecisionFields, decisionDraft, decisionInput } from '../../components/decision-fields';
import { textOf, useZodForm } from '../../components/use-zod-form';
import type { ZodForm } from '../../components/use-zod-form';
import { ErrorState, PageLoader } from '../../components/page-state';
import { errorText } from '../../error-text';
import { showDate } from '../../format';
import { useCan } from '../auth/session';
import { CountField, countInput, StepAlert, notifyDone } from './admission-fields';

export function useProbation(memberId: number, enabled = true) {
  return useQuery({ queryKey: ['probation', memberId], queryFn: ({ signal }) => getProbation(memberId, signal), enabled: enabled && memberId > 0 });
}

function ReviewForm({ probation, kind, onDone }: { probation: ProbationView; kind: ProbationReviewKind; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useZodForm({
    initial: { proposal: 'confirm', ...decisionDraft('decision', kind === 'cell' ? probation.orgName : ''), inFavour: '', against: '0', eligible: '' },
    schema: probationReviewInput,
    toInput: (draft) => ({
      kind,
      proposal: draft.proposal ?? undefined,
      decision: decisionInput(draft),
      inFavour: countInput(draft.inFavour),
      against: countInput(draft.against) ?? 0,
      eligible: countInput(draft.eligible) ?? null,
    }),
  });
  const save = useMutation({
    mutationFn: async () => {
      const input = form.validate();
      return input === null ? null : recordProbationReview(probation.memberId, input);
    },
    onSuccess: (saved) => {
      if (!saved) return;
      queryClient.setQueryData(['probation', saved.memberId], saved);
      notifyDone(kind === 'cell' ? 'Đã ghi nghị quyết của chi bộ.' : 'Đã ghi nghị quyết của đảng ủy cơ sở.');
      onDone();
    },
    onError: (error) => form.applyServerError(error),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const f = form as ZodForm<unknown>;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Ghi nghị quyết xét chuyển đảng chính thức">
      <Stack gap="sm">
        <StepAlert error={save.error} form={f} />
        <Select
          label="Đề nghị"
          allowDeselect={false}
          data={Object.entries(probationProposalLabels).map(([value, label]) => ({ value, label }))}
          {...form.choice('proposal')}
        />
        <DecisionFields form={f} numberLabel="Số nghị quyết" dateLabel={kind === 'cell' ? 'Ngày chi bộ họp xét' : 'Ngày đảng ủy xét'} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <CountField
            form={f}
            field="eligible"
            label={kind === 'cell' ? 'Số đảng viên chính thức' : 'Tổng số cấp ủy viên'}
            description={kind === 'cell' ? `Hiện có ${probation.cellFullMembers}; để trống thì hệ thống đếm vào ngày họp` : undefined}
            required={kind === 'committee'}
          />
          <CountField form={f} field="inFavour" label="Số tán thành" />
          <CountField form={f} field="against" label="Số không tán thành" />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Hủy
          </Button>
          <Button type="submit" loading={save.isPending}>
            Ghi nghị quyết
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DecisionForm({ probation, onDone }: { probation: ProbationView; onDone: () => void }) {
  const queryClient = useQueryClient();
  const lastProposal = probation.reviews.at(-1)?.proposal;
  const form = useZodForm({
    initial: {
      outcome: lastProposal === 'strike_off' ? 'struck_off' : 'confirmed',
      ...decisionDraft('decision'),
      'signing.place': '',
      'signing.signerTitle': 'BÍ THƯ',
      'signing.signerName': '',
    },
    schema: probationDecisionInput,
    toInput: (draft) => ({
      version: probation.version,
      outcome: draft.outcome ?? undefined,
      decision: decisionInput(draft),
      signing: {
        place: textOf(draft['signing.place']),
        signerAuthority: 'T/M BAN THƯỜNG VỤ',
        signerTitle: textOf(draft['signing.signerTitle']),
        signerName: textOf(draft['signing.signerName']),
      },
    }),
  });
  const save = useMutation({
    mutationFn: async () => {
      const input = form.validate();
      return input === null ? null : decideProbation(probation.memberId, input);
    },
    onSuccess: (saved) => {
      if (!saved) return;
      queryClient.setQueryData(['probation', saved.memberId], saved);
      void queryClient.invalidateQueries({ queryKey: ['member', saved.memberId] });
      void queryClient.invalidateQueries({ queryKey: ['members'] });
      notifyDone(saved.status === 'full' ? `${saved.fullName} là đảng viên chính thức.` : `Đã xóa tên ${saved.fullName} khỏi danh sách đảng viên dự bị.`);
      onDone();
    },
    onError: (error) => {
      // Someone else decided first: show the fresh record rather than the stale one.
      if (isApiError(error, 'CONFLICT')) void queryClient.invalidateQueries({ queryKey: ['probation', probation.memberId] });
      form.applyServerError(error);
    },
  });
  /** Striking a probationer off cannot be taken back: it asks first and says what follows. */
  const strikeOff = useConfirmation<ProbationDecisionInput>(() => save.mutate());
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate() as ProbationDecisionInput | null;
    if (input?.outcome === 'struck_off') strikeOff.ask(input);
    else save.mutate();
  };
  const f = form as ZodForm<unknown>;
  const conflict = isApiError(save.error, 'CONFLICT');
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Ghi quyết định của cấp ủy cấp trên">
      <ConfirmModal
        opened={strikeOff.pending !== null}
        title="Xác nhận xóa tên"
        confirmLabel="Xóa tên"
        onConfirm={strikeOff.confirm}
        onCancel={strikeOff.cancel}
      >
        {strikeOff.pending ? (
          <Stack gap="xs">
            <Text fw={600}>
              Đồng chí {probation.fullName} sẽ bị xóa tên trong danh sách đảng viên dự bị của {probation.orgName} theo quyết định số{' '}
              {strikeOff.pending.decision.number} ngày {showDate(strikeOff.pending.decision.date)}.
            </Text>
            <Text size="sm">
              Từ ngày đó đồng chí không còn được tính trong số lượng đảng viên; hồ sơ và quá trình sinh hoạt vẫn được giữ. Biến động được ghi vào lịch sử hồ sơ
              và nhật ký hệ thống, không xóa được.
            </Text>
          </Stack>
        ) : null}
      </ConfirmModal>
      <Stack gap="sm">
        {conflict ? (
          <Alert color="red" variant="light" role="alert" title="Hồ sơ vừa được người khác cập nhật">
            {errorText(save.error)}
          </Alert>
        ) : (
          <StepAlert error={save.error} form={f} />
        )}
        <Select
          label="Quyết định"
          allowDeselect={false}
          data={Object.entries(probationOutcomeLabels).map(([value, label]) => ({ value, label }))}
          {...form.choice('outcome')}
        />
        <DecisionFields form={f} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label="Nơi ban hành (in trên quyết định)" {...form.text('signing.place')} />
          <TextInput label="Chức vụ người ký" {...form.text('signing.signerTitle')} />
          <TextInput label="Họ tên người ký" {...form.text('signing.signerName')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Hủy
          </Button>
          <Button type="submit" loading={save.isPending} disabled={conflict}>
            Ghi quyết định
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ProbationFacts({ probation }: { probation: ProbationView }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" component="dl" m={0}>
      {[
        ['Ngày kết nạp (lễ)', showDate(probation.ceremonyDate)],
        ['Hết thời gian dự bị', showDate(probation.probationEnd)],
        ['Chi bộ xét chậm nhất', showDate(probation.reviewDueOn)],
        ['Kết quả', probation.outcome ? `${probationOutcomeLabels[probation.outcome.kind]} (${showDate(probation.outcome.decision.date)})` : 'Đang dự bị'],
      ].map(([label, value]) => (
        <Fact key={label} label={label}>
          {value}
        </Fact>
      ))}
    </SimpleGrid>
  );
}

/**
 * Chuyển đảng chính thức: the probation's dates, the reviews and the upper committee's decision, with
 * the forms for each. The member page can show it for a probationary member (or one whose probation
 * has ended) by importing it: `<ProbationPanel memberId={id} />`.
 */
export function ProbationPanel({ memberId }: { memberId: number }) {
  const probation = useProbation(memberId);
  const canRecord = useCan('admissions.step');
  const [open, setOpen] = useState<'cell' | 'committee' | 'decision' | null>(null);
  if (probation.isPending) return <PageLoader label="Đang tải thời gian dự bị…" />;
  if (probation.isError) return <ErrorState error={probation.error} onRetry={() => probation.refetch()} />;
  const p = probation.data;
  if (p.status !== 'probationary' && !p.outcome) return null;
  const cellReview = p.reviews.filter((r) => r.kind === 'cell').at(-1);
  const committeeReview = p.reviews.filter((r) => r.kind === 'committee').at(-1);
  const committeeDone =
    p.cellIsGrassroots ||
    (committeeReview && cellReview && committeeReview.occurredOn >= cellReview.occurredOn && committeeReview.proposal === cellReview.proposal);
  /** The reviews and the decision are recorded by those who may record admissions; others read them. */
  const open_ = p.status === 'probationary' && canRecord;
  const close = () => setOpen(null);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="probation-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="probation-title">
            Chuyển đảng chính thức
          </Title>
          <Group gap="xs">
            {open_ ? (
              <Button size="xs" variant={cellReview ? 'default' : 'filled'} onClick={() => setOpen('cell')}>
                Ghi nghị quyết chi bộ xét
              </Button>
            ) : null}
            {open_ && !p.cellIsGrassroots && cellReview ? (
              <Button size="xs" variant={committeeDone ? 'default' : 'filled'} onClick={() => setOpen('committee')}>
                Ghi nghị quyết đảng ủy cơ sở
              </Button>
            ) : null}
            {open_ && cellReview && committeeDone ? (
              <Button size="xs" onClick={() => setOpen('decision')}>
                Ghi quyết định của cấp ủy cấp trên
              </Button>
            ) : null}
            {p.outcome?.kind === 'confirmed' ? (
              <Button size="xs" variant="default" component="a" href={confirmationDecisionUrl(p.memberId)} download>
                Tải quyết định công nhận (.docx)
              </Button>
            ) : null}
          </Group>
        </Group>
        <ProbationFacts probation={p} />
        {p.outcome?.fullFrom ? <Text size="sm">Là đảng viên chính thức kể từ ngày {showDate(p.outcome.fullFrom)} (ngày hết thời gian dự bị).</Text> : null}
        {p.reviews.length > 0 ? (
          <div className="table-scroll">
            <Table striped verticalSpacing="xs" miw={600}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Ngày</Table.Th>
                  <Table.Th scope="col">Cấp xét</Table.Th>
                  <Table.Th scope="col">Đề nghị</Table.Th>
                  <Table.Th scope="col">Biểu quyết</Table.Th>
                  <Table.Th scope="col">Nghị quyết</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.reviews.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{showDate(r.occurredOn)}</Table.Td>
                    <Table.Td>{r.kind === 'cell' ? 'Chi bộ' : 'Đảng ủy cơ sở'}</Table.Td>
                    <Table.Td>{probationProposalLabels[r.proposal]}</Table.Td>
                    <Table.Td>
                      {r.inFavour}/{r.eligible} tán thành
                    </Table.Td>
                    <Table.Td>Số {r.decision.number}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        ) : null}
      </Stack>
      <Modal
        opened={open !== null}
        onClose={close}
        size="lg"
        title={
          open === 'decision'
            ? 'Quyết định của cấp ủy cấp trên'
            : open === 'committee'
              ? 'Đảng ủy cơ sở xét chuyển đảng chính thức'
              : 'Chi bộ xét chuyển đảng chính thức'
        }
        closeButtonProps={{ 'aria-label': 'Đóng' }}
      >
        {open === 'cell' || open === 'committee' ? <ReviewForm probation={p} kind={open} onDone={close} /> : null}
        {open === 'decision' ? <DecisionForm probation={p} onDone={close} /> : null}
      </Modal>
    </Paper>
  );
}
