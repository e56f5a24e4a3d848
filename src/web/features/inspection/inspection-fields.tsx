import { Select, SimpleGrid } from '@mantine/core';
import { subjectKindLabels, subjectKinds } from '../../../shared/inspection';
import type { SubjectKind } from '../../../shared/inspection';
import { OrgSelect } from '../../components/org-select';
import { usePickedRef } from '../../components/use-picked-ref';
import { numberOrNull } from '../../components/use-zod-form';
import type { Draft, ZodForm } from '../../components/use-zod-form';
import { useSession } from '../auth/session';
import { MemberPicker } from '../transfers/transfer-fields';

/** The subject of a case, a plan item or a denunciation: an organisation or a member, kept under `<prefix>.`. */
export function SubjectFields({ form, prefix = 'subject', label = 'Đối tượng' }: { form: ZodForm<unknown>; prefix?: string; label?: string }) {
  const org = usePickedRef(form, `${prefix}.orgId`);
  const member = usePickedRef(form, `${prefix}.memberId`);
  const kind = (form.draft[`${prefix}.kind`] as SubjectKind | null) ?? 'member';
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Select
        label={`Loại ${label.toLocaleLowerCase('vi')}`}
        required
        allowDeselect={false}
        data={subjectKinds.map((k) => ({ value: k, label: subjectKindLabels[k] }))}
        {...form.choice(`${prefix}.kind`)}
      />
      {kind === 'org' ? (
        <OrgSelect label={`${label} (tổ chức đảng)`} required value={org.value} onChange={org.onChange} error={org.error} />
      ) : (
        <MemberPicker label={`${label} (đảng viên)`} required value={member.value} onChange={member.onChange} error={member.error} />
      )}
    </SimpleGrid>
  );
}

export function subjectDraft(prefix = 'subject'): Draft {
  return { [`${prefix}.kind`]: 'member', [`${prefix}.orgId`]: '', [`${prefix}.memberId`]: '' };
}

/** Only the chosen kind's id is sent; the other is null. */
export function subjectInput(draft: Draft, prefix = 'subject') {
  const kind = (draft[`${prefix}.kind`] as SubjectKind | null) ?? undefined;
  return {
    kind,
    orgId: kind === 'org' ? numberOrNull(draft[`${prefix}.orgId`]) : null,
    memberId: kind === 'member' ? numberOrNull(draft[`${prefix}.memberId`]) : null,
  };
}

/**
 * The organisation whose inspection work the user records: the inspection staff's own (fixed), or one the admin
 * chooses. Kept under `handlingOrgId`.
 */
export function HandlingOrgField({ form }: { form: ZodForm<unknown> }) {
  const { user } = useSession();
  const picked = usePickedRef(form, 'handlingOrgId', user.orgId && user.orgName ? { id: user.orgId, name: user.orgName } : null);
  if (user.role !== 'admin') return null;
  return <OrgSelect label="Tổ chức tiến hành" required value={picked.value} onChange={picked.onChange} error={picked.error} />;
}

export function useHandlingOrgDraft(): Draft {
  const { user } = useSession();
  return { handlingOrgId: user.orgId ? String(user.orgId) : '' };
}
