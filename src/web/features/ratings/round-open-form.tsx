import { useState } from 'react';
import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { todayIso } from '../../../shared/dates';
import { ratingPeriodLabel, ratingRoundCreate, ratingRoundKindLabels, ratingRoundKinds, type RatingRoundCreate } from '../../../shared/ratings';
import { openRatingRound } from '../../api';
import { useCurrentOrg, type OrgRef } from '../../components/current-org';
import { DateField } from '../../components/date-field';
import { OrgSelect } from '../../components/org-select';
import { nullable, submitValid, textOf, useZodForm } from '../../components/use-zod-form';
import type { ZodForm } from '../../components/use-zod-form';
import { StepAlert } from '../admissions/admission-fields';

/**
 * Opens the year's round, or a term's where the rules ask (its term, held in one of the term's years): everyone of the
 * organisation's subtree on the opening day is to be reviewed.
 */
export function RoundOpenForm({ onDone }: { onDone: () => void }) {
  const { org } = useCurrentOrg();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const today = todayIso();
  const [picked, setPicked] = useState<OrgRef | null>(org ?? null);
  const form = useZodForm<RatingRoundCreate>({
    initial: { orgId: org ? String(org.id) : null, kind: 'year', term: '', year: String(Number(today.slice(0, 4))), openedOn: today, dueOn: null },
    schema: ratingRoundCreate,
    toInput: (draft) => ({
      orgId: draft.orgId ? Number(draft.orgId) : undefined,
      kind: draft.kind ?? undefined,
      term: draft.kind === 'term' ? nullable(draft.term) : null,
      year: Number(textOf(draft.year)),
      openedOn: draft.openedOn ?? undefined,
      dueOn: draft.dueOn ?? undefined,
    }),
  });
  const mutation = useMutation({
    mutationFn: openRatingRound,
    onSuccess: (round) => {
      void queryClient.invalidateQueries({ queryKey: ['rating-rounds'] });
      notifications.show({ color: 'green', message: `Đã mở đợt đánh giá ${ratingPeriodLabel(round)}.`, closeButtonProps: { 'aria-label': 'Đóng thông báo' } });
      onDone();
      navigate(`/danh-gia-xep-loai/${round.id}`);
    },
    onError: (error) => form.applyServerError(error),
  });
  const year = form.text('year');
  return (
    <form onSubmit={submitValid(form, mutation.mutate)} noValidate aria-label="Mở đợt đánh giá">
      <Stack gap="sm">
        <StepAlert error={mutation.error} form={form as ZodForm<unknown>} />
        <OrgSelect
          label="Tổ chức đảng"
          required
          value={picked}
          error={form.errors.orgId}
          onChange={(next) => {
            setPicked(next);
            form.set('orgId', next ? String(next.id) : null);
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Loại đợt đánh giá"
            required
            allowDeselect={false}
            data={ratingRoundKinds.map((k) => ({ value: k, label: ratingRoundKindLabels[k] }))}
            {...form.choice('kind')}
          />
          {form.draft.kind === 'term' ? <TextInput label="Nhiệm kỳ" required placeholder="2020–2025" {...form.text('term')} /> : null}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NumberInput
            label={form.draft.kind === 'term' ? 'Năm tổ chức đánh giá' : 'Năm đánh giá'}
            required
            value={year.value}
            error={year.error}
            onChange={(v) => form.set('year', String(v))}
            allowDecimal={false}
          />
          <DateField label="Ngày mở đợt" required {...form.date('openedOn')} />
          <DateField label="Hạn hoàn thành" required {...form.date('dueOn')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            Mở đợt đánh giá
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
