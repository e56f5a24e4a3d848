import { useEffect } from 'react';
import { Anchor, Breadcrumbs, Button, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { genderLabels, genders } from '../../../shared/member';
import { temporaryPurposeLabels, temporaryPurposes, transferCreate, transferKindLabels, transferKinds } from '../../../shared/transfers';
import type { TransferCreate, TransferDirection } from '../../../shared/transfers';
import { createTransfer, getMember } from '../../api';
import { DateField } from '../../components/date-field';
import { DecisionFields, decisionDraft, decisionInput } from '../../components/decision-fields';
import { OrgSelect } from '../../components/org-select';
import { PageHeader } from '../../components/page-header';
import { usePickedRef } from '../../components/use-picked-ref';
import { nullable, numberOrNull, submitValid, textOf, useZodForm } from '../../components/use-zod-form';
import type { Draft, ZodForm } from '../../components/use-zod-form';
import { StepAlert } from '../admissions/admission-fields';
import { DestinationPicker, MemberPicker } from './transfer-fields';
import { LetterFields, letterDraft, letterInput } from './transfer-forms';

const directions: { value: TransferDirection; label: string }[] = [
  { value: 'within', label: 'Trong Đảng bộ' },
  { value: 'out', label: 'Ra ngoài Đảng bộ' },
  { value: 'in', label: 'Từ nơi khác đến' },
];

const personFields = ['fullName', 'gender', 'birthDate', 'nationalId', 'status', 'admittedOn', 'confirmedOn'] as const;

function initialDraft(): Draft {
  return {
    direction: 'within',
    kind: 'permanent',
    memberId: '',
    receivingOrgId: '',
    externalOrgName: '',
    purpose: null,
    temporaryFrom: null,
    temporaryUntil: null,
    note: '',
    ...decisionDraft('movingDecision'),
    'movingDecision.effectiveOn': null,
    ...Object.fromEntries(
      personFields.map((f) => [`person.${f}`, f === 'status' ? 'full' : f === 'gender' ? null : f.endsWith('On') || f === 'birthDate' ? null : '']),
    ),
    ...letterDraft('letter.'),
  };
}

/** The decision with its effective date: the letter deadline counts from the day it takes effect (294-QĐ/TW §6.3.1). */
function movingDecisionInput(draft: Draft) {
  return { ...decisionInput(draft, 'movingDecision'), effectiveOn: draft['movingDecision.effectiveOn'] ?? null };
}

function toInput(draft: Draft) {
  const temporary = draft.kind === 'temporary';
  const common = {
    kind: draft.kind ?? undefined,
    purpose: temporary ? (draft.purpose ?? undefined) : null,
    temporaryFrom: temporary ? (draft.temporaryFrom ?? undefined) : null,
    temporaryUntil: temporary ? (draft.temporaryUntil ?? undefined) : null,
    note: nullable(draft.note),
  };
  switch (draft.direction) {
    case 'within':
      return {
        ...common,
        direction: 'within',
        memberId: numberOrNull(draft.memberId) ?? undefined,
        receivingOrgId: numberOrNull(draft.receivingOrgId) ?? undefined,
        movingDecision: movingDecisionInput(draft),
      };
    case 'out':
      return {
        ...common,
        direction: 'out',
        memberId: numberOrNull(draft.memberId) ?? undefined,
        externalOrgName: textOf(draft.externalOrgName),
        movingDecision: movingDecisionInput(draft),
      };
    default:
      return {
        ...common,
        direction: 'in',
        receivingOrgId: numberOrNull(draft.receivingOrgId) ?? undefined,
        externalOrgName: textOf(draft.externalOrgName),
        person: {
          fullName: textOf(draft['person.fullName']),
          gender: draft['person.gender'] ?? undefined,
          birthDate: draft['person.birthDate'] ?? undefined,
          nationalId: nullable(draft['person.nationalId']),
          status: draft['person.status'] ?? undefined,
          admittedOn: draft['person.admittedOn'] ?? undefined,
          confirmedOn: draft['person.confirmedOn'] ?? null,
        },
        letter: letterInput(draft, 'letter.'),
      };
  }
}

/** A new transfer: a member of the scope moving (within or out of the deployment), or a letter received from outside. */
export function TransferCreatePage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const presetMemberId = Number(params.get('memberId'));
  const form = useZodForm<TransferCreate>({ initial: initialDraft(), schema: transferCreate, toInput });
  const member = usePickedRef(form, 'memberId');
  const destination = usePickedRef(form, 'receivingOrgId');
  const preset = useQuery({
    queryKey: ['member', presetMemberId],
    queryFn: ({ signal }) => getMember(presetMemberId, signal),
    enabled: Number.isInteger(presetMemberId) && presetMemberId > 0,
  });
  useEffect(() => {
    if (preset.data && member.value === null) member.onChange({ id: preset.data.id, name: preset.data.fullName });
  }, [preset.data]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = useMutation({
    mutationFn: createTransfer,
    onSuccess: (transfer) => {
      void queryClient.invalidateQueries({ queryKey: ['transfers'] });
      void queryClient.invalidateQueries({ queryKey: ['attention'] });
      notifications.show({
        color: 'green',
        message: `Đã lập thủ tục chuyển sinh hoạt cho đồng chí ${transfer.fullName}.`,
        closeButtonProps: { 'aria-label': 'Đóng thông báo' },
      });
      navigate(`/chuyen-sinh-hoat/${transfer.id}`);
    },
    onError: (error) => form.applyServerError(error),
  });
  const onSubmit = submitValid(form, save.mutate);
  const direction = form.draft.direction as TransferDirection;
  const temporary = form.draft.kind === 'temporary';
  const anyForm = form as ZodForm<unknown>;

  return (
    <>
      <PageHeader
        above={
          <Breadcrumbs separator="›">
            <Anchor component={Link} to="/chuyen-sinh-hoat" size="sm">
              Chuyển sinh hoạt đảng
            </Anchor>
            <Text size="sm">Lập thủ tục</Text>
          </Breadcrumbs>
        }
        title="Lập thủ tục chuyển sinh hoạt đảng"
      />
      <Paper withBorder p="md">
        <form onSubmit={onSubmit} noValidate aria-label="Lập thủ tục chuyển sinh hoạt đảng">
          <Stack gap="sm">
            <StepAlert error={save.error} form={anyForm} />
            <SegmentedControl
              aria-label="Chiều chuyển"
              data={directions}
              value={direction}
              onChange={(value) => {
                form.set('direction', value);
                destination.onChange(null);
              }}
            />
            <Select
              label="Hình thức"
              allowDeselect={false}
              data={transferKinds.map((k) => ({ value: k, label: transferKindLabels[k] }))}
              {...form.choice('kind')}
            />
            {direction !== 'in' ? <MemberPicker label="Đảng viên" required {...member} /> : null}
            {direction === 'within' ? <DestinationPicker label="Chi bộ nơi đến" required {...destination} /> : null}
            {direction === 'in' ? <OrgSelect label="Chi bộ nơi đến" required kinds={['cell', 'grassroots_cell']} {...destination} /> : null}
            {direction !== 'within' ? (
              <TextInput
                label={direction === 'out' ? 'Tổ chức đảng nơi đến (ngoài Đảng bộ)' : 'Tổ chức đảng nơi đi (ngoài Đảng bộ)'}
                required
                {...form.text('externalOrgName')}
              />
            ) : null}
            {temporary ? (
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <Select
                  label="Lý do sinh hoạt tạm thời"
                  required
                  data={temporaryPurposes.map((p) => ({ value: p, label: temporaryPurposeLabels[p] }))}
                  {...form.choice('purpose')}
                />
                <DateField label="Từ ngày" required {...form.date('temporaryFrom')} />
                <DateField label="Dự kiến trở về ngày" required {...form.date('temporaryUntil')} />
              </SimpleGrid>
            ) : null}
            {direction !== 'in' ? (
              <>
                <Title order={2} size="h5" mt="xs">
                  {temporary ? 'Quyết định cử đi công tác, học tập' : 'Quyết định điều động, nghỉ hưu, thôi việc hoặc thay đổi nơi cư trú'}
                </Title>
                <Text size="xs" c="dimmed">
                  Thời hạn cấp giấy giới thiệu được tính từ ngày quyết định có hiệu lực (để trống nếu có hiệu lực từ ngày ký).
                </Text>
                <DecisionFields form={anyForm} prefix="movingDecision" dateLabel="Ngày ký quyết định" />
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                  <DateField label="Có hiệu lực từ ngày" {...form.date('movingDecision.effectiveOn')} />
                </SimpleGrid>
              </>
            ) : (
              <>
                <Title order={2} size="h5" mt="xs">
                  Người được giới thiệu
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                  <TextInput label="Họ và tên" required {...form.text('person.fullName')} />
                  <Select label="Giới tính" required data={genders.map((g) => ({ value: g, label: genderLabels[g] }))} {...form.choice('person.gender')} />
                  <DateField label="Ngày sinh" required {...form.date('person.birthDate')} />
                  <TextInput label="Số CCCD" {...form.text('person.nationalId')} />
                  <Select
                    label="Là đảng viên"
                    allowDeselect={false}
                    data={[
                      { value: 'full', label: 'Chính thức' },
                      { value: 'probationary', label: 'Dự bị' },
                    ]}
                    {...form.choice('person.status')}
                  />
                  <DateField label="Ngày vào Đảng" required {...form.date('person.admittedOn')} />
                  {form.draft['person.status'] === 'full' ? <DateField label="Ngày chính thức" required {...form.date('person.confirmedOn')} /> : null}
                </SimpleGrid>
                <Title order={2} size="h5" mt="xs">
                  Giấy giới thiệu nhận được
                </Title>
                <LetterFields form={anyForm} prefix="letter." />
              </>
            )}
            <Textarea label="Ghi chú" autosize minRows={2} {...form.text('note')} />
            <Button type="submit" loading={save.isPending} mt="sm">
              Lập thủ tục
            </Button>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
