import { Button, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { offenceGroupLabels, offenceGroups, sanctionFormLabels, sanctionForms, sanctionProposalInput } from '../../../shared/discipline';
import type { SanctionProposalInput } from '../../../shared/discipline';
import { proposeSanction } from '../../api';
import { DateField } from '../../components/date-field';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { usePickedRef } from '../../components/use-picked-ref';
import { numberOrNull, submitValid, textOf, useZodForm } from '../../components/use-zod-form';
import type { Draft } from '../../components/use-zod-form';
import { MemberPicker } from '../transfers/transfer-fields';
import { OrgSelect } from '../../components/org-select';

const initial: Draft = {
  subjectKind: 'member',
  memberId: '',
  orgId: '',
  caseId: '',
  offenceGroup: null,
  offence: '',
  offenceOn: null,
  laterOffenceOn: null,
  proposedForm: null,
  proposedOn: null,
  proposedBy: '',
};

function toInput(draft: Draft) {
  return {
    memberId: draft.subjectKind === 'org' ? null : numberOrNull(draft.memberId),
    orgId: draft.subjectKind === 'org' ? numberOrNull(draft.orgId) : null,
    caseId: numberOrNull(draft.caseId),
    offenceGroup: draft.offenceGroup ?? undefined,
    offence: textOf(draft.offence),
    offenceOn: draft.offenceOn ?? undefined,
    laterOffenceOn: draft.laterOffenceOn ?? null,
    proposedForm: draft.proposedForm ?? undefined,
    proposedOn: draft.proposedOn ?? undefined,
    proposedBy: textOf(draft.proposedBy),
  };
}

/**
 * A discipline proposal (the confidential draft) for a member or an organisation: the offence from the 69-QĐ/TW groups
 * and the form proposed. Opened from a case, the case and its subject come filled in (`?caseId=&memberId=&subjectName=`).
 */
export function SanctionProposeForm() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const fromCase = {
    caseId: params.get('caseId') ?? '',
    memberId: params.get('memberId') ?? '',
    orgId: params.get('orgId') ?? '',
    name: params.get('subjectName') ?? '',
  };
  const form = useZodForm<SanctionProposalInput>({
    initial: { ...initial, caseId: fromCase.caseId, memberId: fromCase.memberId, orgId: fromCase.orgId, subjectKind: fromCase.orgId ? 'org' : 'member' },
    schema: sanctionProposalInput,
    toInput,
  });
  const member = usePickedRef(form, 'memberId', fromCase.memberId ? { id: Number(fromCase.memberId), name: fromCase.name } : null);
  const org = usePickedRef(form, 'orgId', fromCase.orgId ? { id: Number(fromCase.orgId), name: fromCase.name } : null);
  const save = useMutation({
    mutationFn: proposeSanction,
    onSuccess: (sanction) => {
      void queryClient.invalidateQueries({ queryKey: ['sanctions'] });
      notifications.show({
        color: 'green',
        message: sanction.memberName ? `Đã ghi đề nghị kỷ luật đồng chí ${sanction.memberName}.` : `Đã ghi đề nghị kỷ luật ${sanction.orgName}.`,
        closeButtonProps: { 'aria-label': 'Đóng thông báo' },
      });
      navigate(`/ky-luat/${sanction.id}`);
    },
    onError: (error) => form.applyServerError(error),
  });
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate aria-label="Đề nghị kỷ luật">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Đối tượng kỷ luật"
            required
            allowDeselect={false}
            data={[
              { value: 'member', label: 'Đảng viên' },
              { value: 'org', label: 'Tổ chức đảng' },
            ]}
            {...form.choice('subjectKind')}
          />
          {form.draft.subjectKind === 'org' ? (
            <OrgSelect label="Tổ chức đảng" required value={org.value} onChange={org.onChange} error={org.error} />
          ) : (
            <MemberPicker label="Đảng viên" required value={member.value} onChange={member.onChange} error={member.error} />
          )}
        </SimpleGrid>
        {fromCase.caseId ? (
          <Text size="sm" c="dimmed">
            Theo kết luận của cuộc kiểm tra số {fromCase.caseId}.
          </Text>
        ) : null}
        {form.errors.caseId ? (
          <Text size="sm" c="red">
            {form.errors.caseId}
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Nhóm vi phạm (Quy định 69-QĐ/TW)"
            required
            data={offenceGroups.map((g) => ({ value: g, label: offenceGroupLabels[g] }))}
            {...form.choice('offenceGroup')}
          />
          <DateField label="Ngày vi phạm" required {...form.date('offenceOn')} />
        </SimpleGrid>
        <Textarea label="Nội dung vi phạm" required autosize minRows={2} {...form.text('offence')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label="Hình thức đề nghị"
            required
            data={sanctionForms.map((f) => ({ value: f, label: sanctionFormLabels[f] }))}
            {...form.choice('proposedForm')}
          />
          <DateField label="Ngày đề nghị" required {...form.date('proposedOn')} />
          <DateField label="Ngày vi phạm mới (nếu có)" {...form.date('laterOffenceOn')} />
        </SimpleGrid>
        <TextInput label="Tổ chức, cá nhân đề nghị" required {...form.text('proposedBy')} />
        <SaveErrorAlert error={save.error} />
        <Button type="submit" loading={save.isPending} w="fit-content">
          Ghi đề nghị kỷ luật
        </Button>
      </Stack>
    </form>
  );
}
