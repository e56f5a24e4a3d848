import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button, Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { candidateCreate, candidateUpdate, dossierItemLabels, dossierItems, unionKindLabels, unionKinds } from '../../../shared/admissions';
import type { CandidateCreate, CandidateDetail, CandidateUpdate, Dossier, LowerSecondary, UnionResolution } from '../../../shared/admissions';
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

/** The union committee's resolution (Youth Union, or trade union where there is none): kind '' is none. */
function unionResolutionDraft(resolution: CandidateDetail['unionResolution'] | undefined): Draft {
  return {
    'unionResolution.kind': resolution?.kind ?? '',
    ...decisionDraft('unionResolution.decision'),
    ...(resolution
      ? {
          'unionResolution.decision.number': resolution.decision.number,
          'unionResolution.decision.date': resolution.decision.date,
          'unionResolution.decision.issuer': resolution.decision.issuer,
        }
      : {}),
  };
}

function unionResolutionInput(draft: Draft): UnionResolution | null {
  const kind = textOf(draft['unionResolution.kind']);
  return kind === '' ? null : ({ kind, decision: decisionInput(draft, 'unionResolution.decision') } as UnionResolution);
}

/** Lower-secondary education: kind '' is not recorded yet, 'diploma', or 'exception' with its ground and decision. */
function lowerSecondaryDraft(education: CandidateDetail['lowerSecondary'] | undefined): Draft {
  const exception = education?.kind === 'exception' ? education : null;
  return {
    'lowerSecondary.kind': education?.kind ?? '',
    'lowerSecondary.ground': exception?.ground ?? '',
    ...decisionDraft('lowerSecondary.decision'),
    ...(exception?.decision
      ? {
          'lowerSecondary.decision.number': exception.decision.number,
          'lowerSecondary.decision.date': exception.decision.date,
          'lowerSecondary.decision.issuer': exception.decision.issuer,
        }
      : {}),
  };
}

function lowerSecondaryInput(draft: Draft): LowerSecondary | null {
  const kind = textOf(draft['lowerSecondary.kind']);
  if (kind === '') return null;
  if (kind === 'diploma') return { kind: 'diploma' };
  const decided = textOf(draft['lowerSecondary.decision.number']).trim() !== '';
  return {
    kind: 'exception',
    ground: textOf(draft['lowerSecondary.ground']),
    decision: decided ? decisionInput(draft, 'lowerSecondary.decision') : null,
  } as LowerSecondary;
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
    'introducers.0.replacement': first?.replacement ?? false,
    'introducers.1.memberId': second ? String(second.memberId) : '',
    'introducers.1.name': second?.fullName ?? '',
    'introducers.1.knownSince': second?.knownSince ?? null,
    'introducers.1.replacement': second?.replacement ?? false,
    ...decisionDraft('specialAgeDecision'),
    ...(special ? { 'specialAgeDecision.number': special.number, 'specialAgeDecision.date': special.date, 'specialAgeDecision.issuer': special.issuer } : {}),
    ...unionResolutionDraft(candidate?.unionResolution),
    ...lowerSecondaryDraft(candidate?.lowerSecondary),
    ...(candidate ? {} : dossierDraft(undefined)),
  };
}

function introducersInput(draft: Draft) {
  return [0, 1]
    .filter((i) => textOf(draft[`introducers.${i}.memberId`]) !== '' || draft[`introducers.${i}.knownSince`])
    .map((i) => ({
      memberId: numberOrNull(draft[`introducers.${i}.memberId`]) ?? undefined,
      knownSince: draft[`introducers.${i}.knownSince`] ?? undefined,
      // Sent only when ticked, so an untouched introducer reads as before.
      ...(draft[`introducers.${i}.replacement`] === true ? { replacement: true } : {}),
    }));
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
    unionResolution: unionResolutionInput(draft),
    lowerSecondary: lowerSecondaryInput(draft),
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
      <Checkbox
        label={`Giới thiệu thay thế (người thứ ${index + 1}): không cần đủ 12 tháng cùng công tác`}
        {...form.checked(`introducers.${index}.replacement`)}
      />
    </SimpleGrid>
  );
}

/** A select's option for "nothing recorded" (Mantine options need a non-empty value). */
const NONE = 'none';

/** The union committee's resolution standing in for one introducer (24-QĐ/TW §3.2.1 and successors). */
function UnionResolutionFields({ form }: { form: ZodForm<unknown> }) {
  const kind = textOf(form.draft['unionResolution.kind']);
  return (
    <Stack gap="sm">
      <Select
        label="Nghị quyết giới thiệu của đoàn thể"
        description="Thay cho một đảng viên giới thiệu: Đoàn TNCS Hồ Chí Minh, hoặc Công đoàn nơi không có tổ chức Đoàn"
        allowDeselect={false}
        data={[{ value: NONE, label: 'Không có' }, ...unionKinds.map((value) => ({ value, label: unionKindLabels[value] }))]}
        value={kind || NONE}
        onChange={(value) => form.set('unionResolution.kind', value === NONE || value === null ? '' : value)}
        error={form.errors['unionResolution.kind'] ?? form.errors.unionResolution}
      />
      {kind !== '' ? (
        <DecisionFields
          form={form}
          prefix="unionResolution.decision"
          numberLabel="Số nghị quyết"
          numberPlaceholder="Ví dụ: 05-NQ/ĐTN"
          dateLabel="Ngày nghị quyết"
        />
      ) : null}
    </Stack>
  );
}

/** Lower-secondary education: the diploma, or an exception with its ground (and the decision allowing it, if any). */
function LowerSecondaryFields({ form }: { form: ZodForm<unknown> }) {
  const kind = textOf(form.draft['lowerSecondary.kind']);
  return (
    <Stack gap="sm">
      <Select
        label="Trình độ trung học cơ sở"
        allowDeselect={false}
        data={[
          { value: NONE, label: 'Chưa ghi' },
          { value: 'diploma', label: 'Có bằng tốt nghiệp trung học cơ sở' },
          { value: 'exception', label: 'Trường hợp được miễn (ghi căn cứ)' },
        ]}
        value={kind || NONE}
        onChange={(value) => form.set('lowerSecondary.kind', value === NONE || value === null ? '' : value)}
        error={form.errors['lowerSecondary.kind'] ?? form.errors.lowerSecondary}
      />
      {kind === 'exception' ? (
        <>
          <TextInput
            label="Trường hợp được miễn"
            required
            placeholder="Vùng cao, miền núi, đồng bào dân tộc thiểu số..."
            {...form.text('lowerSecondary.ground')}
          />
          <DecisionFields
            form={form}
            prefix="lowerSecondary.decision"
            numberLabel="Số văn bản cho phép (nếu có)"
            numberPlaceholder={null}
            dateLabel="Ngày văn bản"
            required={false}
          />
        </>
      ) : null}
    </Stack>
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
            <LowerSecondaryFields form={form} />
            <IntroducerFields form={form} index={0} />
            <IntroducerFields form={form} index={1} />
            <UnionResolutionFields form={form} />
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
