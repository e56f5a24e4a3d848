import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { candidateCreate, candidateUpdate, dossierItemLabels, dossierItems } from '../../../shared/admissions';
import type { CandidateCreate, CandidateDetail, CandidateUpdate, Dossier } from '../../../shared/admissions';
import type { Address } from '../../../shared/member';
import { createCandidate, updateCandidate } from '../../api';
import { DateField } from '../../components/date-field';
import { DecisionFields, decisionDraft, decisionInput } from '../../components/decision-fields';
import { DuplicateWarning, duplicatesOf } from '../../components/duplicate-warning';
import { OrgSelect } from '../../components/org-select';
import { PersonalFields, personalDraft, personalInput, QualificationFields } from '../../components/personal-fields';
import { nullable, numberOrNull, textOf, useZodForm } from '../../components/use-zod-form';
import { ReadmissionFields, readmissionDraft, readmissionInput } from './readmission-fields';
import type { Draft, ZodForm } from '../../components/use-zod-form';
import { MemberSelect, StepAlert, notifyDone } from './admission-fields';

function addressDraft(prefix: string, address: Address | null | undefined): Draft {
  return {
    [`${prefix}.current.province`]: address?.current?.province ?? '',
    [`${prefix}.current.commune`]: address?.current?.commune ?? '',
    [`${prefix}.detail`]: address?.detail ?? '',
  };
}

function addressInput(draft: Draft, prefix: string): Address | null {
  const v = (key: string) => textOf(draft[`${prefix}.${key}`]).trim();
  const current = v('current.province') || v('current.commune') ? { province: v('current.province'), commune: v('current.commune') } : null;
  const detail = v('detail');
  if (current === null && detail === '') return null;
  return detail === '' ? { old: null, current } : { old: null, current, detail };
}

export function dossierDraft(dossier: Dossier | undefined): Draft {
  return Object.fromEntries(
    dossierItems.flatMap((item) => [
      [`dossier.${item}.done`, dossier?.[item]?.done ?? false],
      [`dossier.${item}.date`, dossier?.[item]?.date ?? null],
    ]),
  );
}

export function dossierInput(draft: Draft): Dossier {
  return Object.fromEntries(dossierItems.map((item) => [item, { done: draft[`dossier.${item}.done`] === true, date: draft[`dossier.${item}.date`] ?? null }]));
}

function candidateDraft(candidate?: CandidateDetail): Draft {
  const [first, second] = candidate?.introducers ?? [];
  const special = candidate?.specialAgeDecision;
  return {
    ...personalDraft(candidate),
    ...addressDraft('placeOfOrigin', candidate?.placeOfOrigin as Address | null),
    ...addressDraft('residence', candidate?.residence as Address | null),
    orgId: candidate ? String(candidate.orgId) : '',
    orgName: candidate?.orgName ?? '',
    youthUnionMember: candidate?.youthUnionMember ?? false,
    'awarenessCertificate.number': candidate?.awarenessCertificate?.number ?? '',
    'awarenessCertificate.issuedOn': candidate?.awarenessCertificate?.issuedOn ?? null,
    'introducers.0.memberId': first ? String(first.memberId) : '',
    'introducers.0.name': first?.fullName ?? '',
    'introducers.0.knownSince': first?.knownSince ?? null,
    'introducers.1.memberId': second ? String(second.memberId) : '',
    'introducers.1.name': second?.fullName ?? '',
    'introducers.1.knownSince': second?.knownSince ?? null,
    ...decisionDraft('specialAgeDecision'),
    ...(special ? { 'specialAgeDecision.number': special.number, 'specialAgeDecision.date': special.date, 'specialAgeDecision.issuer': special.issuer } : {}),
    ...(candidate ? {} : dossierDraft(undefined)),
  };
}

function introducersInput(draft: Draft) {
  return [0, 1]
    .filter((i) => textOf(draft[`introducers.${i}.memberId`]) !== '' || draft[`introducers.${i}.knownSince`])
    .map((i) => ({ memberId: numberOrNull(draft[`introducers.${i}.memberId`]) ?? undefined, knownSince: draft[`introducers.${i}.knownSince`] ?? undefined }));
}

function fieldsInput(draft: Draft) {
  const certificateDate = draft['awarenessCertificate.issuedOn'];
  return {
    ...personalInput(draft),
    placeOfOrigin: addressInput(draft, 'placeOfOrigin'),
    residence: addressInput(draft, 'residence'),
    youthUnionMember: draft.youthUnionMember === true,
    awarenessCertificate: certificateDate ? { number: nullable(draft['awarenessCertificate.number']), issuedOn: certificateDate } : null,
    introducers: introducersInput(draft),
    specialAgeDecision: textOf(draft['specialAgeDecision.number']).trim() ? decisionInput(draft, 'specialAgeDecision') : null,
  };
}

function IntroducerFields({ form, index }: { form: ZodForm<unknown>; index: number }) {
  const id = textOf(form.draft[`introducers.${index}.memberId`]);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <MemberSelect
        label={`Người giới thiệu thứ ${index + 1}`}
        value={id ? { id: Number(id), name: textOf(form.draft[`introducers.${index}.name`]) } : null}
        onChange={(member) => {
          form.set(`introducers.${index}.memberId`, member ? String(member.id) : '');
          form.set(`introducers.${index}.name`, member?.name ?? '');
        }}
        error={form.errors[`introducers.${index}.memberId`]}
      />
      <DateField label="Cùng công tác, sinh hoạt từ ngày" {...form.date(`introducers.${index}.knownSince`)} />
    </SimpleGrid>
  );
}

/** The dossier's papers, each ticked with the day it was completed. */
export function DossierFields({ form, youthUnionMember }: { form: ZodForm<unknown>; youthUnionMember: boolean }) {
  return (
    <Stack gap="xs">
      {dossierItems
        .filter((item) => item !== 'youth_union_introduction' || youthUnionMember)
        .map((item) => (
          <SimpleGrid key={item} cols={{ base: 1, sm: 2 }} spacing="sm" style={{ alignItems: 'end' }}>
            <Checkbox label={dossierItemLabels[item]} {...form.checked(`dossier.${item}.done`)} />
            <DateField label="Ngày hoàn thành" aria-label={`Ngày hoàn thành: ${dossierItemLabels[item]}`} {...form.date(`dossier.${item}.date`)} />
          </SimpleGrid>
        ))}
    </Stack>
  );
}

/** Key order does not make two values different. */
function sameValue(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
          )
        : (value ?? null);
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/**
 * Only what changed goes to the server: the form shows fewer fields than the file holds (the old address, a third
 * introducer), and resending what it cannot show would overwrite them.
 */
function changedFields(initial: Draft, parsed: CandidateUpdate): CandidateUpdate {
  const before = fieldsInput(initial) as Record<string, unknown>;
  const after = parsed as Record<string, unknown>;
  const result: Record<string, unknown> = { version: parsed.version };
  for (const key of Object.keys(before)) if (!sameValue(before[key], after[key])) result[key] = after[key];
  return result as CandidateUpdate;
}

type Props = { mode: 'create'; candidate?: undefined } | { mode: 'edit'; candidate: CandidateDetail };

/** Lập hoặc sửa hồ sơ người vào Đảng: personal record, cell, certificate, introducers (and at creation, the dossier). */
export function CandidateForm({ mode, candidate }: Props) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // Kết nạp lại: opened from a former member's page (readmission-fields).
  const readmissionOf = useSearchParams()[0].get('ketNapLai');
  const createForm = useZodForm<CandidateCreate>({
    initial: { ...candidateDraft(), ...(readmissionOf ? readmissionDraft(readmissionOf) : {}) },
    schema: candidateCreate,
    toInput: (draft) => ({
      ...fieldsInput(draft),
      orgId: numberOrNull(draft.orgId) ?? undefined,
      dossier: dossierInput(draft),
      ...(readmissionOf ? { readmission: readmissionInput(draft) } : {}),
    }),
  });
  const [initial] = useState<Draft>(() => candidateDraft(candidate));
  const editForm = useZodForm<CandidateUpdate>({
    initial,
    schema: candidateUpdate,
    toInput: (draft) => ({ ...fieldsInput(draft), version: candidate?.version }),
  });
  const form = (mode === 'create' ? createForm : editForm) as ZodForm<unknown>;

  const save = useMutation({
    /** `confirmDuplicate`: the user has seen the possible duplicates and saves anyway. */
    mutationFn: async (confirmDuplicate?: boolean): Promise<CandidateDetail | null> => {
      if (mode === 'create') {
        const input = createForm.validate();
        return input ? createCandidate(confirmDuplicate ? { ...input, confirmDuplicate } : input) : null;
      }
      const input = editForm.validate();
      if (!input) return null;
      const changes = changedFields(initial, input);
      if (Object.keys(changes).length === 1) {
        notifications.show({ color: 'gray', message: 'Không có thay đổi nào để lưu.' });
        return null;
      }
      return updateCandidate(candidate.id, changes);
    },
    onSuccess: (saved) => {
      if (!saved) return;
      queryClient.setQueryData(['candidate', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['candidates'] });
      notifyDone(mode === 'create' ? `Đã lập hồ sơ người vào Đảng ${saved.fullName}.` : 'Đã lưu hồ sơ.');
      navigate(`/ket-nap/${saved.id}`);
    },
    onError: (error) => {
      if (duplicatesOf(error).length === 0) form.applyServerError(error);
    },
  });
  const duplicates = duplicatesOf(save.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined);
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={mode === 'create' ? 'Lập hồ sơ người vào Đảng' : 'Sửa hồ sơ người vào Đảng'}>
      <Stack gap="md">
        <StepAlert error={duplicates.length > 0 ? null : save.error} form={form} />
        <PersonalFields form={form}>
          <TextInput label="Quê quán: tỉnh, thành phố" {...form.text('placeOfOrigin.current.province')} />
          <TextInput label="Quê quán: xã, phường" {...form.text('placeOfOrigin.current.commune')} />
          <TextInput label="Nơi ở hiện nay" {...form.text('residence.detail')} />
        </PersonalFields>
        <QualificationFields form={form} />
        <Fieldset legend="Chi bộ và điều kiện kết nạp">
          <Stack gap="sm">
            {mode === 'create' ? (
              <OrgSelect
                label="Chi bộ"
                required
                placeholder="Gõ tên chi bộ để tìm"
                kinds={['cell', 'grassroots_cell']}
                value={createForm.draft.orgId ? { id: Number(createForm.draft.orgId), name: textOf(createForm.draft.orgName) } : null}
                onChange={(org) => {
                  createForm.set('orgId', org ? String(org.id) : '');
                  createForm.set('orgName', org?.name ?? '');
                }}
                error={createForm.errors.orgId}
              />
            ) : null}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label="Số giấy chứng nhận bồi dưỡng nhận thức về Đảng" {...form.text('awarenessCertificate.number')} />
              <DateField
                label="Ngày cấp giấy chứng nhận"
                {...form.date('awarenessCertificate.issuedOn')}
                error={form.errors['awarenessCertificate.issuedOn'] ?? form.errors.awarenessCertificate}
              />
            </SimpleGrid>
            <Checkbox label="Là đoàn viên Đoàn TNCS Hồ Chí Minh (cần nghị quyết giới thiệu của Đoàn)" {...form.checked('youthUnionMember')} />
            <IntroducerFields form={form} index={0} />
            <IntroducerFields form={form} index={1} />
            {form.errors.introducers ? (
              <Text size="sm" c="red" role="alert">
                {form.errors.introducers}
              </Text>
            ) : null}
          </Stack>
        </Fieldset>
        {mode === 'create' && readmissionOf ? <ReadmissionFields form={form} /> : null}
        <Fieldset legend="Quyết định đặc biệt (chỉ khi người vào Đảng trên 60 tuổi)">
          <DecisionFields form={form} prefix="specialAgeDecision" required={false} />
        </Fieldset>
        {mode === 'create' ? (
          <Fieldset legend="Hồ sơ đã có">
            <DossierFields form={form} youthUnionMember={form.draft.youthUnionMember === true} />
          </Fieldset>
        ) : null}
        <DuplicateWarning duplicates={duplicates} saving={save.isPending} onConfirm={() => save.mutate(true)} />
        <Group justify="flex-end" className="no-print">
          <Button variant="default" onClick={() => navigate(-1)}>
            Hủy
          </Button>
          <Button type="submit" loading={save.isPending}>
            {mode === 'create' ? 'Lập hồ sơ' : 'Lưu thay đổi'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
