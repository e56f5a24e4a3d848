import { useState } from 'react';
import { Button, Checkbox, Group, MultiSelect, ScrollArea, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  partyDocumentCreate,
  partyDocumentIssuerLevelLabels,
  partyDocumentIssuerLevels,
  partyDocumentKindLabels,
  partyDocumentKinds,
  studyRequirementCreate,
  studySessionCreate,
  studySessionKindLabels,
  studySessionKinds,
  type PartyDocument,
  type PartyDocumentCreate,
  type StudyRequirementCreate,
  type StudySessionCreate,
} from '../../../shared/study';
import { todayIso } from '../../../shared/dates';
import { createPartyDocument, createStudyRequirement, createStudySession, listMembers, listPartyDocuments } from '../../api';
import { useCurrentOrg, type OrgRef } from '../../components/current-org';
import { DateField } from '../../components/date-field';
import { OrgSelect } from '../../components/org-select';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { nullable, numberOrNull, submitValid, textOf, useZodForm } from '../../components/use-zod-form';

/** An organisation chosen in a form: the reference shown, its id kept in the draft under `field`. */
function useOrgField(form: { set: (field: string, value: string | null) => void }, field: string, initial: OrgRef | null) {
  const [org, setOrg] = useState<OrgRef | null>(initial);
  return {
    value: org,
    onChange: (next: OrgRef | null) => {
      setOrg(next);
      form.set(field, next ? String(next.id) : null);
    },
  };
}

/** Registering a document in the library of an organisation in scope (its file is attached on the document's page). */
export function DocumentCreateForm({ onDone }: { onDone: (document: PartyDocument) => void }) {
  const queryClient = useQueryClient();
  const { org: current } = useCurrentOrg();
  const form = useZodForm<PartyDocumentCreate>({
    initial: {
      orgId: current ? String(current.id) : null,
      kind: 'resolution',
      code: '',
      issuerLevel: 'province',
      issuerName: '',
      issuedOn: null,
      title: '',
      summary: '',
    },
    schema: partyDocumentCreate,
    toInput: (draft) => ({
      orgId: numberOrNull(draft.orgId) ?? undefined,
      kind: draft.kind ?? undefined,
      code: textOf(draft.code),
      issuerLevel: draft.issuerLevel ?? undefined,
      issuerOrgId: null,
      issuerName: textOf(draft.issuerName),
      issuedOn: draft.issuedOn ?? undefined,
      title: textOf(draft.title),
      summary: nullable(draft.summary),
    }),
  });
  const org = useOrgField(form, 'orgId', current ?? null);
  const save = useMutation({
    mutationFn: (input: PartyDocumentCreate) => createPartyDocument(input),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['party-documents'] });
      onDone(saved);
    },
    onError: (error) => form.applyServerError(error),
  });
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate aria-label="Đăng ký văn bản">
      <Stack gap="sm">
        <SaveErrorAlert error={save.error} />
        <OrgSelect label="Đăng ký tại tổ chức đảng" required {...org} error={form.errors.orgId} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Loại văn bản"
            required
            allowDeselect={false}
            data={partyDocumentKinds.map((k) => ({ value: k, label: partyDocumentKindLabels[k] }))}
            {...form.choice('kind')}
          />
          <TextInput label="Số, ký hiệu" required placeholder="Ví dụ: 05-NQ/ĐU" {...form.text('code')} />
          <Select
            label="Cấp ban hành"
            required
            allowDeselect={false}
            data={partyDocumentIssuerLevels.map((l) => ({ value: l, label: partyDocumentIssuerLevelLabels[l] }))}
            {...form.choice('issuerLevel')}
          />
          <TextInput label="Cơ quan ban hành" required placeholder="Ví dụ: Tỉnh ủy" {...form.text('issuerName')} />
          <DateField label="Ngày ban hành" required {...form.date('issuedOn')} />
        </SimpleGrid>
        <Textarea label="Trích yếu (tên văn bản)" required autosize minRows={2} {...form.text('title')} />
        <Textarea label="Tóm tắt nội dung" autosize minRows={2} {...form.text('summary')} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Đăng ký văn bản
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Every member under an organisation is to study the document by a deadline. */
export function RequirementForm({ document, onDone }: { document: PartyDocument; onDone: () => void }) {
  const queryClient = useQueryClient();
  const { org: current } = useCurrentOrg();
  const form = useZodForm<StudyRequirementCreate>({
    initial: { orgId: current ? String(current.id) : null, deadline: null, note: '' },
    schema: studyRequirementCreate,
    toInput: (draft) => ({ orgId: numberOrNull(draft.orgId) ?? undefined, deadline: draft.deadline ?? undefined, note: nullable(draft.note) }),
  });
  const org = useOrgField(form, 'orgId', current ?? null);
  const save = useMutation({
    mutationFn: (input: StudyRequirementCreate) => createStudyRequirement(document.id, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['study-requirements', document.id] });
      onDone();
    },
    onError: (error) => form.applyServerError(error),
  });
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate aria-label="Yêu cầu học tập văn bản">
      <Stack gap="sm">
        <SaveErrorAlert error={save.error} />
        <Text size="sm">
          Mọi đảng viên thuộc tổ chức được chọn phải học tập văn bản {document.code} trước hạn; đảng viên đang sinh hoạt tạm thời nơi khác được liệt kê riêng.
        </Text>
        <OrgSelect label="Tổ chức đảng phải học tập" required {...org} error={form.errors.orgId} />
        <DateField label="Hạn hoàn thành" required {...form.date('deadline')} />
        <TextInput label="Ghi chú" {...form.text('note')} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Lưu yêu cầu học tập
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * A study session (conference or cell meeting): organisation, date, documents covered and who attended, chosen
 * from the organisation's members today (the server checks each one was a member on the session's day).
 */
export function SessionForm({ document, onDone }: { document?: PartyDocument; onDone: () => void }) {
  const queryClient = useQueryClient();
  const { org: current } = useCurrentOrg();
  const form = useZodForm<StudySessionCreate>({
    initial: {
      orgId: current ? String(current.id) : null,
      kind: 'conference',
      heldOn: todayIso(),
      title: document ? `Hội nghị học tập, quán triệt ${document.code}` : '',
      place: '',
      documentIds: document ? String(document.id) : '',
      attendeeIds: '',
    },
    schema: studySessionCreate,
    toInput: (draft) => ({
      orgId: numberOrNull(draft.orgId) ?? undefined,
      kind: draft.kind ?? undefined,
      heldOn: draft.heldOn ?? undefined,
      meetingId: null,
      title: textOf(draft.title),
      place: nullable(draft.place),
      documentIds: textOf(draft.documentIds).split(',').filter(Boolean).map(Number),
      attendeeIds: textOf(draft.attendeeIds).split(',').filter(Boolean).map(Number),
    }),
  });
  const org = useOrgField(form, 'orgId', current ?? null);
  const orgId = numberOrNull(form.draft.orgId);
  const documents = useQuery({
    queryKey: ['party-documents', 'pick', orgId],
    queryFn: ({ signal }) => listPartyDocuments({ orgId: orgId ?? undefined, page: 1, pageSize: 200 }, signal),
  });
  const members = useQuery({
    queryKey: ['members', 'study-session', orgId],
    queryFn: ({ signal }) => listMembers({ orgId: orgId!, page: 1, pageSize: 200 }, signal),
    enabled: orgId !== null,
  });
  const chosen = new Set(textOf(form.draft.attendeeIds).split(',').filter(Boolean));
  const setChosen = (ids: Set<string>) => form.set('attendeeIds', [...ids].join(','));
  const save = useMutation({
    mutationFn: (input: StudySessionCreate) => createStudySession(input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['study-sessions'] });
      void queryClient.invalidateQueries({ queryKey: ['study-coverage'] });
      onDone();
    },
    onError: (error) => form.applyServerError(error),
  });
  const documentOptions = (documents.data?.items ?? []).map((d) => ({ value: String(d.id), label: `${d.code} — ${d.title}` }));
  if (document && !documentOptions.some((o) => o.value === String(document.id)))
    documentOptions.unshift({ value: String(document.id), label: `${document.code} — ${document.title}` });
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate aria-label="Ghi hội nghị học tập">
      <Stack gap="sm">
        <SaveErrorAlert error={save.error} />
        <OrgSelect
          label="Tổ chức đảng"
          required
          {...org}
          onChange={(next) => {
            org.onChange(next);
            form.set('attendeeIds', '');
          }}
          error={form.errors.orgId}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Hình thức"
            required
            allowDeselect={false}
            data={studySessionKinds.map((k) => ({ value: k, label: studySessionKindLabels[k] }))}
            {...form.choice('kind')}
          />
          <DateField label="Ngày học tập" required {...form.date('heldOn')} />
        </SimpleGrid>
        <TextInput label="Tên hội nghị" required {...form.text('title')} />
        <TextInput label="Địa điểm" {...form.text('place')} />
        <MultiSelect
          label="Văn bản học tập"
          required
          searchable
          data={documentOptions}
          value={textOf(form.draft.documentIds).split(',').filter(Boolean)}
          onChange={(values) => form.set('documentIds', values.join(','))}
          error={form.errors.documentIds}
        />
        <Stack gap={4}>
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              Đảng viên dự ({chosen.size}/{members.data?.items.length ?? 0})
            </Text>
            <Group gap="xs">
              <Button size="compact-xs" variant="subtle" onClick={() => setChosen(new Set((members.data?.items ?? []).map((m) => String(m.id))))}>
                Chọn tất cả
              </Button>
              <Button size="compact-xs" variant="subtle" onClick={() => setChosen(new Set())}>
                Bỏ chọn
              </Button>
            </Group>
          </Group>
          {orgId === null ? (
            <Text size="sm" c="dimmed">
              Chọn tổ chức đảng để điểm danh.
            </Text>
          ) : (
            <ScrollArea.Autosize mah={260} type="auto">
              <Stack gap={4}>
                {(members.data?.items ?? []).map((m) => (
                  <Checkbox
                    key={m.id}
                    label={m.fullName}
                    checked={chosen.has(String(m.id))}
                    onChange={(event) => {
                      const next = new Set(chosen);
                      if (event.currentTarget.checked) next.add(String(m.id));
                      else next.delete(String(m.id));
                      setChosen(next);
                    }}
                  />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
          {form.errors.attendeeIds ? (
            <Text c="red" size="sm" role="alert">
              {form.errors.attendeeIds}
            </Text>
          ) : null}
        </Stack>
        <Group>
          <Button type="submit" loading={save.isPending}>
            Lưu hội nghị học tập
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
