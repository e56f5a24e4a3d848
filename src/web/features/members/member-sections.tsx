import { useState } from 'react';
import { Alert, Box, Button, Group, Stack, Switch, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { userRoleLabels } from '../../../shared/auth';
import { auditHiddenFields, auditReadLabels } from '../../../shared/audit-labels';
import { candidateStateLabels, probationOutcomeLabels, probationProposalLabels } from '../../../shared/admissions';
import { holidayKindLabels } from '../../../shared/calendar';
import { committeePositionLabels } from '../../../shared/committees';
import { exitKindLabels } from '../../../shared/exits';
import { temporaryPurposeLabels, transferDirectionLabels, transferKindLabels, transferStateLabels } from '../../../shared/transfers';
import { fieldLabel } from '../../../shared/field-labels';
import { orgKindLabels, unitTypeLabels } from '../../../shared/org';
import {
  annullableEventKinds,
  eventAnnulmentInput,
  genderLabels,
  memberStatusLabels,
  membershipEventKindLabels,
  theoryLevelLabels,
} from '../../../shared/member';
import type { Address, EventAnnulmentInput, Member, MemberStatus, MembershipEvent, MembershipEventKind } from '../../../shared/member';
import { fullYearsBetween, todayIso } from '../../../shared/dates';
import { annulMemberEvent, getMemberAudit, getMemberHistory } from '../../api';
import type { AuditEntry } from '../../../shared/audit';
import { ModalButton } from '../../components/modal-button';
import { submitValid, useZodForm } from '../../components/use-zod-form';
import type { ZodForm } from '../../components/use-zod-form';
import { StepAlert } from '../admissions/admission-fields';
import { useCan } from '../auth/session';
import { Fact, FactGrid } from '../../components/fact-list';
import { OrgName } from '../../components/org-name';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { showDate, showDateTime, showText } from '../../format';
import { auditActionText, fieldName, labelOr } from '../../labels';
import { decisionText, formatAddress } from './member-labels';
import { StatusBadge } from './status-badge';

function ageText(birthDate: string): string {
  try {
    return ` (${fullYearsBetween(birthDate, todayIso())} tuổi)`;
  } catch {
    return '';
  }
}

function ProfileSection({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Box>
      <Text fw={700} mb="xs" component="h2" size="md">
        {title}
      </Text>
      <FactGrid>{children}</FactGrid>
    </Box>
  );
}

/** Lý lịch: the personal record. */
export function MemberProfile({ member, linkOrg = true }: { member: Member; linkOrg?: boolean }) {
  return (
    <Stack gap="lg">
      <ProfileSection title="Thông tin cá nhân">
        <Fact label="Họ và tên">{member.fullName}</Fact>
        <Fact label="Giới tính">{genderLabels[member.gender]}</Fact>
        <Fact label="Ngày sinh">
          {showDate(member.birthDate)}
          {ageText(member.birthDate)}
        </Fact>
        <Fact label="Dân tộc">{showText(member.ethnicity)}</Fact>
        <Fact label="Tôn giáo">{showText(member.religion)}</Fact>
        <Fact label="Số CCCD">{showText(member.nationalId)}</Fact>
        <Fact label="Quê quán">{formatAddress(member.placeOfOrigin)}</Fact>
        <Fact label="Nơi ở hiện nay">{formatAddress(member.residence)}</Fact>
      </ProfileSection>
      <ProfileSection title="Trình độ và công tác">
        <Fact label="Giáo dục phổ thông">{showText(member.education)}</Fact>
        <Fact label="Chuyên môn, nghiệp vụ">{showText(member.professionalQualification)}</Fact>
        <Fact label="Lý luận chính trị">{theoryLevelLabels[member.theoryLevel]}</Fact>
        <Fact label="Nghề nghiệp">{showText(member.job)}</Fact>
        <Fact label="Chức vụ">{showText(member.position)}</Fact>
      </ProfileSection>
      <ProfileSection title="Đảng tịch">
        <Fact label="Chi bộ sinh hoạt">
          <OrgName id={member.orgId} known={member.orgName} link={linkOrg} />
        </Fact>
        <Fact label="Tình trạng">
          <StatusBadge status={member.status} />
        </Fact>
        <Fact label="Ngày vào Đảng">{showDate(member.admittedOn)}</Fact>
        <Fact label="Ngày chính thức">{showDate(member.confirmedOn)}</Fact>
        <Fact label="Số thẻ đảng viên">{showText(member.cardNumber)}</Fact>
        <Fact label="Số lý lịch">{showText(member.profileNumber)}</Fact>
      </ProfileSection>
    </Stack>
  );
}

export function useMemberHistory(id: number) {
  return useQuery({ queryKey: ['member', id, 'history'], queryFn: ({ signal }) => getMemberHistory(id, signal) });
}

/** Quá trình sinh hoạt: where and as what the member has been, period by period. */
export function MemberPeriods({ id }: { id: number }) {
  const history = useMemberHistory(id);
  if (history.isPending) return <PageLoader />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => history.refetch()} />;
  const periods = [...history.data.periods].sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
  if (periods.length === 0) return <EmptyText>Chưa có quá trình sinh hoạt nào được ghi.</EmptyText>;
  return (
    <div className="table-scroll" tabIndex={0}>
      <Table striped verticalSpacing="xs" miw={620}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Từ ngày</Table.Th>
            <Table.Th scope="col">Đến ngày</Table.Th>
            <Table.Th scope="col">Tổ chức đảng</Table.Th>
            <Table.Th scope="col">Tình trạng</Table.Th>
            <Table.Th scope="col">Căn cứ</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {periods.map((period, index) => (
            <Table.Tr key={`${period.validFrom}-${index}`}>
              <Table.Td>{showDate(period.validFrom)}</Table.Td>
              <Table.Td>{period.validTo ? showDate(period.validTo) : 'Nay'}</Table.Td>
              <Table.Td>{period.orgName}</Table.Td>
              <Table.Td>{memberStatusLabels[period.status]}</Table.Td>
              <Table.Td>{period.eventKind ? labelOr(membershipEventKindLabels, period.eventKind) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** Asks why, says what will happen, and annuls the member's latest event entered by mistake. */
function AnnulEventForm({ member, event, previous, onDone }: { member: Member; event: MembershipEvent; previous: MembershipEvent; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useZodForm<EventAnnulmentInput>({
    initial: { reason: '' },
    schema: eventAnnulmentInput,
    toInput: (draft) => ({ reason: draft.reason ?? '', decision: null, version: member.version }),
  });
  const save = useMutation({
    mutationFn: (input: EventAnnulmentInput) => annulMemberEvent(member.id, event.id, input),
    onSuccess: () => {
      void queryClient.invalidateQueries();
      notifications.show({
        color: 'green',
        message: `Đã hủy biến động nhập nhầm của đồng chí ${member.fullName}.`,
        closeButtonProps: { 'aria-label': 'Đóng thông báo' },
      });
      onDone();
    },
    onError: (error) => form.applyServerError(error),
  });
  const kind = labelOr(membershipEventKindLabels, event.kind);
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate aria-label="Hủy sự kiện nhập nhầm">
      <Stack gap="sm">
        <StepAlert error={save.error} form={form as ZodForm<unknown>} />
        <Text size="sm">
          Biến động «{kind}» ngày {showDate(event.occurredOn)} sẽ không còn được tính ở bất cứ đâu (số lượng, báo cáo, quá trình sinh hoạt). Đảng viên trở về
          tình trạng «{memberStatusLabels[previous.statusAfter]}»{event.toOrgId !== null && event.toOrgId !== event.fromOrgId ? ', ở chi bộ trước đó,' : ''} như
          trước biến động này.
        </Text>
        {Number(event.details?.cancelledTransfers ?? 0) > 0 ? (
          <Text size="sm">Thủ tục chuyển sinh hoạt đã dừng khi ghi biến động này không được mở lại; nếu cần, hãy lập thủ tục mới.</Text>
        ) : null}
        <Text size="sm">Biến động không bị xóa: lịch sử vẫn giữ nó (gạch ngang) cùng lý do hủy, người hủy và ngày hủy.</Text>
        <Textarea label="Lý do hủy" required autosize minRows={2} {...form.text('reason')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Không hủy
          </Button>
          <Button type="submit" color="red" loading={save.isPending}>
            Hủy biến động
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Biến động: the dated events with their decisions; annulled ones struck through with the annulment's reason and date. */
export function MemberEvents({ id, member }: { id: number; member?: Member }) {
  const canWrite = useCan('members.write');
  const history = useMemberHistory(id);
  if (history.isPending) return <PageLoader />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => history.refetch()} />;
  const orgNames = new Map(history.data.periods.map((p) => [p.orgId, p.orgName]));
  const events = [...history.data.events].sort((a, b) => (a.occurredOn < b.occurredOn ? 1 : a.occurredOn > b.occurredOn ? -1 : b.id - a.id));
  if (events.length === 0) return <EmptyText>Chưa có biến động nào.</EmptyText>;
  const orgCell = (orgId: number | null) => (orgId === null ? '—' : <OrgName id={orgId} known={orgNames.get(orgId) ?? null} link={false} />);
  const standing = events.filter((e) => !e.annulment);
  const [latest, previous] = standing;
  const canAnnul =
    member !== undefined && canWrite && latest !== undefined && previous !== undefined && (annullableEventKinds as readonly string[]).includes(latest.kind);
  const struck = (event: MembershipEvent) => (event.annulment ? { textDecoration: 'line-through' } : undefined);
  return (
    <div className="table-scroll" tabIndex={0}>
      <Table striped verticalSpacing="xs" miw={760}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Ngày</Table.Th>
            <Table.Th scope="col">Biến động</Table.Th>
            <Table.Th scope="col">Từ</Table.Th>
            <Table.Th scope="col">Đến</Table.Th>
            <Table.Th scope="col">Tình trạng sau</Table.Th>
            <Table.Th scope="col">Quyết định</Table.Th>
            {canAnnul ? <Table.Th scope="col">Thao tác</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id} data-annulled={event.annulment ? 'true' : undefined}>
              <Table.Td style={struck(event)}>{showDate(event.occurredOn)}</Table.Td>
              <Table.Td>
                <span style={struck(event)}>{labelOr(membershipEventKindLabels, event.kind as MembershipEventKind)}</span>
                {event.reason ? (
                  <Text size="xs" c="dimmed">
                    {event.reason}
                  </Text>
                ) : null}
                {event.annulment ? (
                  <Text size="xs" c="red.9">
                    Đã hủy ngày {showDate(event.annulment.annulledOn)} (nhập nhầm): {event.annulment.reason}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{orgCell(event.fromOrgId)}</Table.Td>
              <Table.Td>{orgCell(event.toOrgId)}</Table.Td>
              <Table.Td>{memberStatusLabels[event.statusAfter as MemberStatus] ?? '—'}</Table.Td>
              <Table.Td>{decisionText(event.decision)}</Table.Td>
              {canAnnul ? (
                <Table.Td>
                  {event.id === latest.id ? (
                    <ModalButton label="Hủy sự kiện nhập nhầm" title="Hủy sự kiện nhập nhầm" variant="light" color="red">
                      {(close) => <AnnulEventForm member={member} event={latest} previous={previous} onDone={close} />}
                    </ModalButton>
                  ) : null}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** Audit values that are codes, shown by their Vietnamese label. */
const codeLabels: Record<string, Record<string, string>> = {
  gender: genderLabels,
  theoryLevel: theoryLevelLabels,
  status: memberStatusLabels,
  statusAfter: memberStatusLabels,
  role: userRoleLabels,
  unitType: unitTypeLabels,
  kind: { ...orgKindLabels, ...membershipEventKindLabels, ...transferKindLabels, ...exitKindLabels, ...holidayKindLabels },
  what: auditReadLabels,
  state: { ...transferStateLabels, ...candidateStateLabels },
  direction: transferDirectionLabels,
  purpose: temporaryPurposeLabels,
  proposal: probationProposalLabels,
  outcome: probationOutcomeLabels,
  position: committeePositionLabels,
  orgKind: orgKindLabels,
};

/** Keys whose values are ids of organisations or members: shown by name (the server sends `names`). */
const orgIdKey = /(^|[a-z])(org|Org)Ids?$|^parentId$|^(predecessor|successor)s?Ids?$/;
const memberIdKey = /(^|[a-z])(member|Member)Ids?$|^introducerIds?$|^introducers$/;

type Names = Record<string, string> | undefined;

function idName(key: string, id: number | string, names: Names): string | null {
  if (orgIdKey.test(key)) return names?.[`org:${id}`] ?? 'tổ chức ngoài phạm vi hoặc đã xóa';
  if (memberIdKey.test(key)) return names?.[`member:${id}`] ?? 'đảng viên ngoài phạm vi';
  return null;
}

function showValue(key: string, value: unknown, names?: Names, depth = 0): string {
  if (value === null || value === undefined || value === '') return '(trống)';
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return showDate(value);
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return showDateTime(value);
    if (/^\d+$/.test(value)) return idName(key, value, names) ?? value;
    const labels = codeLabels[key];
    if (labels) return labels[value] ?? value;
    return value;
  }
  if (typeof value === 'number') return idName(key, value, names) ?? String(value);
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (key === 'placeOfOrigin' || key === 'residence') return formatAddress(value as Address);
  if (typeof value === 'object' && 'number' in value && 'date' in value && 'issuer' in value)
    return decisionText(value as { number: string; date: string; issuer: string });
  if (Array.isArray(value)) return value.length === 0 ? '(trống)' : value.map((item) => showValue(key, item, names, depth + 1)).join('; ');
  if (depth > 2) return '…';
  // A nested record (a filter, the counts of an import, a step's details): its fields by name, never raw JSON.
  const parts = Object.entries(value as Record<string, unknown>)
    .filter(([k, v]) => !auditHiddenFields.has(k) && v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${fieldName(k, fieldLabel)}: ${showValue(k, v, names, depth + 1)}`);
  return parts.length ? parts.join('; ') : '(trống)';
}

export function auditChanges(row: Pick<AuditEntry, 'before' | 'after' | 'names'>): { key: string; label: string; before: string; after: string }[] {
  // The audit log keeps each side as a JSON object, or null for the side that did not exist.
  const before = (row.before ?? {}) as Record<string, unknown>;
  const after = (row.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !auditHiddenFields.has(key));
  return keys
    .filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
    .map((key) => ({ key, label: fieldName(key, fieldLabel), before: showValue(key, before[key], row.names), after: showValue(key, after[key], row.names) }));
}

export function AuditChangeList({ row }: { row: AuditEntry }) {
  const changes = auditChanges(row);
  if (row.before === null && row.after !== null && changes.length > 8) return <Text size="sm">Tạo hồ sơ với {changes.length} trường thông tin.</Text>;
  if (changes.length === 0) return <Text size="sm">—</Text>;
  return (
    <Stack gap={2}>
      {changes.map((change) => (
        <Text size="sm" key={change.key}>
          <strong>{change.label}:</strong> {row.before === null ? change.after : `${change.before} → ${change.after}`}
        </Text>
      ))}
    </Stack>
  );
}

/**
 * Audit entries, newest first as given. With `entityCell` (the system-wide log) each row also shows its
 * number in the chain and the record it concerns.
 */
export function AuditTable({ rows, entityCell }: { rows: AuditEntry[]; entityCell?: (row: AuditEntry) => React.ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0}>
      <Table striped verticalSpacing="xs" miw={entityCell ? 820 : 680}>
        <Table.Thead>
          <Table.Tr>
            {entityCell ? <Table.Th scope="col">Số</Table.Th> : null}
            <Table.Th scope="col">Thời điểm</Table.Th>
            <Table.Th scope="col">Người thực hiện</Table.Th>
            <Table.Th scope="col">Thao tác</Table.Th>
            {entityCell ? <Table.Th scope="col">Đối tượng</Table.Th> : null}
            <Table.Th scope="col">Nội dung</Table.Th>
            <Table.Th scope="col">Lý do</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              {entityCell ? <Table.Td>{row.id}</Table.Td> : null}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{showDateTime(row.at)}</Table.Td>
              <Table.Td>{row.actorName ?? '—'}</Table.Td>
              <Table.Td>{auditActionText(row.action)}</Table.Td>
              {entityCell ? <Table.Td>{entityCell(row)}</Table.Td> : null}
              <Table.Td>
                <AuditChangeList row={row} />
              </Table.Td>
              <Table.Td>{showText(row.reason)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** Lịch sử chỉnh sửa: who changed what in the record, from the audit log. */
export function MemberAudit({ id }: { id: number }) {
  const [showReads, setShowReads] = useState(false);
  const audit = useQuery({ queryKey: ['member', id, 'audit'], queryFn: ({ signal }) => getMemberAudit(id, signal) });
  if (audit.isPending) return <PageLoader />;
  if (audit.isError) return <ErrorState error={audit.error} onRetry={() => audit.refetch()} />;
  const rows = audit.data.filter((row) => showReads || row.action !== 'read');
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Mọi thay đổi hồ sơ đều được ghi vào nhật ký có kiểm tra toàn vẹn.
        </Text>
        <Switch label="Hiện cả lượt xem hồ sơ" checked={showReads} onChange={(event) => setShowReads(event.currentTarget.checked)} />
      </Group>
      {rows.length === 0 ? (
        <Alert color="gray" variant="light">
          Chưa có chỉnh sửa nào.
        </Alert>
      ) : (
        <AuditTable rows={rows} />
      )}
    </Stack>
  );
}
