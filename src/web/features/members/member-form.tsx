import { useState } from 'react';
import type { FormEvent } from 'react';
import { Alert, Button, Fieldset, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { memberCreate, memberUpdate } from '../../../shared/member';
import type { Address, Member, MemberCreate, MemberUpdate } from '../../../shared/member';
import { createMember, isApiError, updateMember } from '../../api';
import { DateField } from '../../components/date-field';
import { DecisionFields, decisionDraft, decisionInput } from '../../components/decision-fields';
import { DuplicateWarning, duplicatesOf } from '../../components/duplicate-warning';
import { OrgSelect } from '../../components/org-select';
import { PersonalFields, personalDraft, personalInput, QualificationFields } from '../../components/personal-fields';
import { nullable, numberOrNull, textOf, useZodForm } from '../../components/use-zod-form';
import type { Draft, ZodForm } from '../../components/use-zod-form';
import { errorText } from '../../error-text';

type AddressKey = 'current.province' | 'current.commune' | 'old.province' | 'old.district' | 'old.commune' | 'detail';

function addressDraft(prefix: string, address: Address | null | undefined): Draft {
  return {
    [`${prefix}.current.province`]: address?.current?.province ?? '',
    [`${prefix}.current.commune`]: address?.current?.commune ?? '',
    [`${prefix}.old.province`]: address?.old?.province ?? '',
    [`${prefix}.old.district`]: address?.old?.district ?? '',
    [`${prefix}.old.commune`]: address?.old?.commune ?? '',
    [`${prefix}.detail`]: address?.detail ?? '',
  };
}

function addressInput(draft: Draft, prefix: string): Address | null {
  const v = (key: AddressKey) => textOf(draft[`${prefix}.${key}`]).trim();
  const current = v('current.province') || v('current.commune') ? { province: v('current.province'), commune: v('current.commune') } : null;
  const old =
    v('old.province') || v('old.district') || v('old.commune') ? { province: v('old.province'), district: v('old.district'), commune: v('old.commune') } : null;
  const detail = v('detail');
  if (current === null && old === null && detail === '') return null;
  return detail === '' ? { old, current } : { old, current, detail };
}

export function memberDraft(member?: Member): Draft {
  return {
    ...personalDraft(member),
    cardNumber: member?.cardNumber ?? '',
    profileNumber: member?.profileNumber ?? '',
    ...addressDraft('placeOfOrigin', member?.placeOfOrigin),
    ...addressDraft('residence', member?.residence),
    reason: '',
    ...(member
      ? {}
      : {
          orgId: '',
          orgName: '',
          status: 'probationary',
          admittedOn: null,
          confirmedOn: null,
          ...decisionDraft('decision'),
        }),
  };
}

function profileInput(draft: Draft) {
  return {
    ...personalInput(draft),
    placeOfOrigin: addressInput(draft, 'placeOfOrigin'),
    residence: addressInput(draft, 'residence'),
    cardNumber: nullable(draft.cardNumber),
    profileNumber: nullable(draft.profileNumber),
  };
}

function createInput(draft: Draft) {
  return {
    ...profileInput(draft),
    orgId: numberOrNull(draft.orgId) ?? undefined,
    status: draft.status ?? undefined,
    admittedOn: draft.admittedOn ?? undefined,
    confirmedOn: draft.status === 'full' ? (draft.confirmedOn ?? null) : null,
    decision: decisionInput(draft, 'decision'),
    reason: nullable(draft.reason) ?? undefined,
  };
}

/** Only what changed goes to the server, so the audit log shows exactly the edit. */
function changedFields(initial: Draft, parsed: MemberUpdate): MemberUpdate {
  const before = profileInput(initial) as Record<string, unknown>;
  const after = parsed as Record<string, unknown>;
  const result: Record<string, unknown> = { version: parsed.version };
  for (const key of Object.keys(before)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) result[key] = after[key];
  }
  if (parsed.reason) result.reason = parsed.reason;
  return result as MemberUpdate;
}

type Props = { mode: 'create'; member?: undefined; onReload?: undefined } | { mode: 'edit'; member: Member; onReload: () => Promise<Member | undefined> };

export function MemberForm({ mode, member, onReload }: Props) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [initial, setInitial] = useState<Draft>(() => memberDraft(member));
  const [conflict, setConflict] = useState(false);
  const createForm = useZodForm<MemberCreate>({ initial, schema: memberCreate, toInput: createInput });
  const editForm = useZodForm<MemberUpdate>({
    initial,
    schema: memberUpdate,
    toInput: (draft) => ({ ...profileInput(draft), version: member?.version, reason: nullable(draft.reason) ?? undefined }),
  });
  const form = mode === 'create' ? createForm : editForm;

  const save = useMutation({
    /** `confirmDuplicate`: the user has seen the possible duplicates and saves anyway. */
    mutationFn: async (confirmDuplicate?: boolean): Promise<Member | null> => {
      if (mode === 'create') {
        const input = createForm.validate();
        return input === null ? null : createMember(confirmDuplicate ? { ...input, confirmDuplicate } : input);
      }
      const input = editForm.validate();
      if (input === null) return null;
      const changes = changedFields(initial, input);
      if (Object.keys(changes).filter((key) => key !== 'version' && key !== 'reason').length === 0) {
        notifications.show({ color: 'gray', message: 'Không có thay đổi nào để lưu.' });
        return null;
      }
      return updateMember(member!.id, changes);
    },
    onSuccess: (saved) => {
      if (saved === null) return;
      queryClient.setQueryData(['member', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['members'] });
      void queryClient.invalidateQueries({ queryKey: ['member', saved.id] });
      notifications.show({ color: 'green', message: mode === 'create' ? `Đã thêm đảng viên ${saved.fullName}.` : 'Đã lưu lý lịch.' });
      navigate(`/dang-vien/${saved.id}`);
    },
    onError: (error) => {
      /** A stale version names `version` (or nothing); a duplicate card or ID number names its own field. */
      if (isApiError(error, 'CONFLICT') && mode === 'edit' && error.fields.every((field) => field.field === 'version')) {
        setConflict(true);
        return;
      }
      if (duplicatesOf(error).length > 0) return;
      form.applyServerError(error);
    },
  });

  const reload = async () => {
    const fresh = await onReload?.();
    if (fresh) {
      const next = memberDraft(fresh);
      setInitial(next);
      editForm.reset(next);
    }
    setConflict(false);
    save.reset();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined);
  };

  const otherErrors = form.otherErrors;
  const duplicates = duplicatesOf(save.error);
  const showServerAlert =
    save.isError && !conflict && duplicates.length === 0 && !(isApiError(save.error) && save.error.fields.length > 0 && otherErrors.length === 0);

  const addressFields = (prefix: string, legend: string) => (
    <Fieldset legend={legend} variant="filled">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label="Tỉnh, thành phố" {...form.text(`${prefix}.current.province`)} />
        <TextInput label="Xã, phường, đặc khu" {...form.text(`${prefix}.current.commune`)} />
      </SimpleGrid>
      <TextInput mt="sm" label="Số nhà, thôn, tổ dân phố" {...form.text(`${prefix}.detail`)} />
      <Text size="xs" c="dimmed" mt="sm" mb={4}>
        Địa giới cũ (trước 01/07/2025), nếu cần ghi:
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput label="Tỉnh (cũ)" {...form.text(`${prefix}.old.province`)} />
        <TextInput label="Huyện (cũ)" {...form.text(`${prefix}.old.district`)} />
        <TextInput label="Xã (cũ)" {...form.text(`${prefix}.old.commune`)} />
      </SimpleGrid>
    </Fieldset>
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-label={mode === 'create' ? 'Thêm đảng viên' : 'Sửa lý lịch đảng viên'}>
      <Stack gap="md">
        {Object.keys(form.errors).length > 0 ? (
          <Alert color="red" variant="light" role="alert" title="Chưa lưu được">
            Vui lòng sửa {Object.keys(form.errors).length} trường được đánh dấu đỏ bên dưới.
            {otherErrors.map((message) => (
              <Text size="sm" key={message}>
                {message}
              </Text>
            ))}
          </Alert>
        ) : null}
        {showServerAlert ? (
          <Alert color="red" variant="light" role="alert" title={isApiError(save.error, 'RULE_VIOLATION') ? 'Không đúng quy định' : 'Chưa lưu được'}>
            {errorText(save.error)}
          </Alert>
        ) : null}

        <PersonalFields form={form as ZodForm<unknown>} />

        {addressFields('placeOfOrigin', 'Quê quán')}
        {addressFields('residence', 'Nơi ở hiện nay')}

        <QualificationFields form={form as ZodForm<unknown>} />

        <Fieldset legend="Đảng tịch">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
            {mode === 'create' ? (
              <OrgSelect
                label="Chi bộ sinh hoạt"
                required
                placeholder="Gõ tên chi bộ để tìm"
                kinds={['cell', 'grassroots_cell']}
                value={createForm.draft.orgId ? { id: Number(createForm.draft.orgId), name: textOf(createForm.draft.orgName) } : null}
                onChange={(org) => {
                  createForm.set('orgId', org === null ? '' : String(org.id));
                  createForm.set('orgName', org === null ? '' : org.name);
                }}
                error={createForm.errors.orgId}
              />
            ) : null}
            {mode === 'create' ? (
              <Select
                label="Tình trạng"
                required
                allowDeselect={false}
                data={[
                  { value: 'probationary', label: 'Đảng viên dự bị' },
                  { value: 'full', label: 'Đảng viên chính thức' },
                ]}
                {...form.choice('status')}
              />
            ) : null}
            {mode === 'create' ? <DateField label="Ngày vào Đảng" required {...form.date('admittedOn')} /> : null}
            {mode === 'create' && createForm.draft.status === 'full' ? <DateField label="Ngày chính thức" {...form.date('confirmedOn')} /> : null}
            <TextInput label="Số thẻ đảng viên" inputMode="numeric" {...form.text('cardNumber')} />
            <TextInput label="Số lý lịch" {...form.text('profileNumber')} />
          </SimpleGrid>
        </Fieldset>

        {mode === 'create' ? (
          <Fieldset legend="Quyết định kết nạp hoặc tiếp nhận">
            <DecisionFields form={form as ZodForm<unknown>} numberPlaceholder="Ví dụ: 125-QĐ/ĐU" />
          </Fieldset>
        ) : null}

        <Textarea
          label={mode === 'create' ? 'Ghi chú' : 'Lý do chỉnh sửa'}
          description={mode === 'edit' ? 'Ghi vào nhật ký cùng với thay đổi, ví dụ: “Cập nhật theo CCCD mới”.' : undefined}
          autosize
          minRows={2}
          {...form.text('reason')}
        />

        <DuplicateWarning duplicates={duplicates} saving={save.isPending} onConfirm={() => save.mutate(true)} />

        <Group justify="flex-end" className="no-print">
          <Button variant="default" onClick={() => navigate(-1)}>
            Hủy
          </Button>
          <Button type="submit" loading={save.isPending}>
            {mode === 'create' ? 'Thêm đảng viên' : 'Lưu thay đổi'}
          </Button>
        </Group>
      </Stack>

      <Modal
        opened={conflict}
        onClose={() => setConflict(false)}
        title="Hồ sơ vừa được người khác cập nhật"
        centered
        closeButtonProps={{ 'aria-label': 'Đóng' }}
      >
        <Stack gap="md">
          <Text size="sm">
            Trong lúc bạn sửa, hồ sơ này đã được lưu bởi người khác. Để không ghi đè lên thay đổi của họ, hãy tải lại bản mới nhất rồi sửa lại.
          </Text>
          <Text size="sm" c="dimmed">
            Các thay đổi bạn chưa lưu sẽ mất khi tải lại.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConflict(false)}>
              Để sau
            </Button>
            <Button onClick={reload} data-autofocus>
              Tải lại hồ sơ
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}
