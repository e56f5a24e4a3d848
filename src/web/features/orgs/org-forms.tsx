import { useState } from 'react';
import { Alert, Button, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { allowedChildKinds, orgCreate, orgEventInput, orgKindLabels, orgKinds, orgUpdate, unitTypeLabels, unitTypes } from '../../../shared/org';
import type { OrgCreate, OrgDetail, OrgEventInput, OrgKind, OrgUpdate } from '../../../shared/org';
import { todayIso } from '../../../shared/dates';
import { createOrg, isApiError, recordOrgEvent, updateOrg } from '../../api';
import { DateField } from '../../components/date-field';
import { DecisionFields, decisionDraft, decisionInput } from '../../components/decision-fields';
import { ModalButton } from '../../components/modal-button';
import { OrgSelect } from '../../components/org-select';
import { usePickedRef } from '../../components/use-picked-ref';
import { nullable, numberOrNull, submitValid, textOf, useZodForm } from '../../components/use-zod-form';
import type { ZodForm } from '../../components/use-zod-form';
import { errorText } from '../../error-text';

function ServerAlert({ error, form }: { error: unknown; form: ZodForm<unknown> }) {
  if (!error) return null;
  if (isApiError(error) && error.fields.length > 0 && form.otherErrors.length === 0) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {errorText(error)}
      {form.otherErrors.map((message) => (
        <Text size="sm" key={message}>
          {message}
        </Text>
      ))}
    </Alert>
  );
}

const grassroots: readonly OrgKind[] = ['grassroots_committee', 'grassroots_cell'];

/** "Thêm tổ chức": under `parent` when given, otherwise the user picks the parent. */
export function OrgCreateButton({ parent }: { parent: { id: number; name: string; kind: OrgKind } | null }) {
  return (
    <ModalButton
      label={parent ? 'Thêm tổ chức trực thuộc' : 'Thêm tổ chức'}
      title={parent ? `Thêm tổ chức trực thuộc ${parent.name}` : 'Thêm tổ chức đảng'}
      size="lg"
    >
      {(close) => <OrgCreateForm parent={parent} onDone={close} />}
    </ModalButton>
  );
}

function OrgCreateForm({ parent, onDone }: { parent: { id: number; name: string; kind: OrgKind } | null; onDone: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const kinds = parent ? allowedChildKinds[parent.kind] : orgKinds;
  const form = useZodForm<OrgCreate>({
    initial: { code: '', name: '', kind: kinds[0] ?? null, unitType: null, parentId: parent ? String(parent.id) : '', ...decisionDraft('foundingDecision') },
    schema: orgCreate,
    toInput: (draft) => ({
      code: textOf(draft.code),
      name: textOf(draft.name),
      kind: draft.kind ?? undefined,
      unitType: draft.unitType ?? null,
      parentId: numberOrNull(draft.parentId),
      foundingDecision: decisionInput(draft, 'foundingDecision'),
    }),
  });
  const parentRef = usePickedRef(form, 'parentId', parent ? { id: parent.id, name: parent.name } : null);
  const save = useMutation({
    mutationFn: createOrg,
    onSuccess: (org) => {
      void queryClient.invalidateQueries({ queryKey: ['orgs'] });
      notifications.show({ color: 'green', message: `Đã thêm ${org.name}.` });
      onDone();
      navigate(`/to-chuc/${org.id}`);
    },
    onError: (error) => form.applyServerError(error),
  });
  const onSubmit = submitValid(form, save.mutate);
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <ServerAlert error={save.error} form={form as ZodForm<unknown>} />
        {parent === null ? <OrgSelect label="Tổ chức cấp trên" {...parentRef} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Mã tổ chức" required {...form.text('code')} />
          <Select
            label="Loại tổ chức"
            required
            allowDeselect={false}
            data={kinds.map((kind) => ({ value: kind, label: orgKindLabels[kind] }))}
            {...form.choice('kind')}
          />
        </SimpleGrid>
        <TextInput label="Tên tổ chức" required {...form.text('name')} />
        {grassroots.includes(form.draft.kind as OrgKind) ? (
          <Select label="Loại hình cơ sở" clearable data={unitTypes.map((u) => ({ value: u, label: unitTypeLabels[u] }))} {...form.choice('unitType')} />
        ) : null}
        <Text size="sm" fw={600} mt="xs">
          Quyết định thành lập
        </Text>
        <DecisionFields form={form as ZodForm<unknown>} prefix="foundingDecision" numberPlaceholder={null} />
        <Button type="submit" loading={save.isPending} mt="sm">
          Thêm tổ chức
        </Button>
      </Stack>
    </form>
  );
}

/** Code and unit type are edited directly; a new name needs a decision, so it is an event. */
export function OrgEditButton({ org }: { org: OrgDetail }) {
  return (
    <ModalButton label="Sửa thông tin" title={`Sửa thông tin: ${org.name}`} variant="default">
      {(close) => <OrgEditForm org={org} onDone={close} />}
    </ModalButton>
  );
}

function OrgEditForm({ org, onDone }: { org: OrgDetail; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useZodForm<OrgUpdate>({
    initial: { code: org.code, unitType: org.unitType, reason: '' },
    schema: orgUpdate,
    toInput: (draft) => ({ version: org.version, code: textOf(draft.code), unitType: draft.unitType ?? null, reason: nullable(draft.reason) ?? undefined }),
  });
  const save = useMutation({
    mutationFn: (input: OrgUpdate) => updateOrg(org.id, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['org', org.id] });
      void queryClient.invalidateQueries({ queryKey: ['orgs'] });
      notifications.show({ color: 'green', message: 'Đã lưu thông tin tổ chức.' });
      onDone();
    },
    onError: (error) => form.applyServerError(error),
  });
  const onSubmit = submitValid(form, save.mutate);
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        {isApiError(save.error, 'CONFLICT') ? (
          <Alert color="orange" variant="light" role="alert" title="Thông tin vừa được người khác cập nhật">
            Vui lòng đóng hộp thoại, tải lại trang rồi sửa lại.
          </Alert>
        ) : (
          <ServerAlert error={save.error} form={form as ZodForm<unknown>} />
        )}
        <TextInput label="Mã tổ chức" required {...form.text('code')} />
        <Select label="Loại hình cơ sở" clearable data={unitTypes.map((u) => ({ value: u, label: unitTypeLabels[u] }))} {...form.choice('unitType')} />
        <Textarea label="Lý do" autosize minRows={2} {...form.text('reason')} />
        <Button type="submit" loading={save.isPending}>
          Lưu
        </Button>
      </Stack>
    </form>
  );
}

const eventChoices = [
  { value: 'renamed', label: 'Đổi tên' },
  { value: 'reparented', label: 'Chuyển trực thuộc' },
  { value: 'merged', label: 'Sáp nhập vào tổ chức khác' },
  { value: 'dissolved', label: 'Giải thể' },
] as const;

/** Lifecycle events of one organisation, each citing its decision. */
export function OrgEventButton({ org }: { org: OrgDetail }) {
  return (
    <ModalButton label="Ghi biến động" title={`Biến động tổ chức: ${org.name}`} variant="default" size="lg">
      {(close) => <OrgEventForm org={org} onDone={close} />}
    </ModalButton>
  );
}

function OrgEventForm({ org, onDone }: { org: OrgDetail; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<{ id: number; name: string } | null>(null);
  const form = useZodForm<OrgEventInput>({
    initial: { kind: 'renamed', occurredOn: todayIso(), name: org.name, parentId: '', targetId: '', membersTo: '', ...decisionDraft('decision') },
    schema: orgEventInput,
    toInput: (draft) => {
      const base = { kind: draft.kind, decision: decisionInput(draft, 'decision'), occurredOn: draft.occurredOn ?? undefined };
      switch (draft.kind) {
        case 'renamed':
          return { ...base, orgId: org.id, name: textOf(draft.name) };
        case 'reparented':
          return { ...base, orgId: org.id, parentId: numberOrNull(draft.parentId) ?? undefined };
        case 'merged':
          return { ...base, sourceIds: [org.id], targetId: numberOrNull(draft.targetId) ?? undefined };
        default:
          return { ...base, orgId: org.id, membersTo: numberOrNull(draft.membersTo) };
      }
    },
  });
  const save = useMutation({
    mutationFn: recordOrgEvent,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['org'] });
      void queryClient.invalidateQueries({ queryKey: ['orgs'] });
      void queryClient.invalidateQueries({ queryKey: ['org-history', org.id] });
      notifications.show({ color: 'green', message: 'Đã ghi biến động tổ chức.' });
      onDone();
    },
    onError: (error) => form.applyServerError(error),
  });
  const onSubmit = submitValid(form, save.mutate);
  const kind = form.draft.kind;
  const pickOrg = (field: 'parentId' | 'targetId' | 'membersTo', label: string, required: boolean) => (
    <OrgSelect
      label={label}
      required={required}
      value={target}
      onChange={(value) => {
        setTarget(value);
        form.set(field, value ? String(value.id) : '');
      }}
      error={form.errors[field]}
    />
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <ServerAlert error={save.error} form={form as ZodForm<unknown>} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Loại biến động"
            allowDeselect={false}
            data={eventChoices.map((choice) => ({ value: choice.value, label: choice.label }))}
            {...form.choice('kind')}
            onChange={(value) => {
              setTarget(null);
              form.set('kind', value);
            }}
          />
          <DateField label="Ngày có hiệu lực" required {...form.date('occurredOn')} />
        </SimpleGrid>
        {kind === 'renamed' ? <TextInput label="Tên mới" required {...form.text('name')} /> : null}
        {kind === 'reparented' ? pickOrg('parentId', 'Tổ chức cấp trên mới', true) : null}
        {kind === 'merged' ? pickOrg('targetId', 'Sáp nhập vào', true) : null}
        {kind === 'dissolved' ? pickOrg('membersTo', 'Chuyển đảng viên sang (nếu có)', false) : null}
        <Text size="sm" fw={600} mt="xs">
          Quyết định
        </Text>
        <DecisionFields form={form as ZodForm<unknown>} prefix="decision" numberPlaceholder={null} />
        <Button type="submit" loading={save.isPending} mt="sm" color={kind === 'dissolved' ? 'red' : undefined}>
          Ghi biến động
        </Button>
      </Stack>
    </form>
  );
}
