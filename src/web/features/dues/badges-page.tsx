import { useState } from 'react';
import { Anchor, Group, Paper, Select, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { badgeListUrl, listBadgeCandidates } from '../../api';
import { useCurrentOrg, type OrgRef } from '../../components/current-org';
import { OrgSelect } from '../../components/org-select';
import { PageHeader } from '../../components/page-header';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { showDate } from '../../format';

/** Huy hiệu Đảng: who reaches a badge's party age on an award date, and the proposal list to download. */
export function BadgesPage() {
  const { org: current } = useCurrentOrg();
  const [org, setOrg] = useState<OrgRef | null>(current);
  const [awardOn, setAwardOn] = useState<string | undefined>(undefined);
  const list = useQuery({
    queryKey: ['badges', org?.id ?? null, awardOn ?? null],
    queryFn: ({ signal }) => listBadgeCandidates(org!.id, awardOn, signal),
    enabled: org !== null,
  });
  return (
    <>
      <PageHeader title="Huy hiệu Đảng" subtitle="Danh sách đảng viên đến mốc xét tặng theo từng đợt" />
      <Paper withBorder p="md" mb="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <OrgSelect label="Tổ chức đảng" value={org} onChange={setOrg} w={{ base: '100%', sm: 420 }} />
          {list.data ? (
            <Select
              label="Đợt trao tặng"
              data={list.data.awardDates.map((d) => ({ value: d, label: showDate(d) }))}
              value={list.data.awardOn}
              onChange={(value) => setAwardOn(value ?? undefined)}
              allowDeselect={false}
              w={180}
            />
          ) : null}
        </Group>
      </Paper>
      {org === null ? (
        <EmptyText>Chọn tổ chức đảng để xem danh sách.</EmptyText>
      ) : list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Paper withBorder p="md">
          <Group justify="space-between" mb="xs">
            <Text>
              Đợt {showDate(list.data.awardOn)}:{' '}
              {list.data.counts.map((c) => `${c.count} Huy hiệu ${c.milestoneYears} năm`).join(', ') || 'không có đảng viên đến mốc'}
            </Text>
            <Group gap="md">
              <Anchor href={badgeListUrl(org.id, 'xlsx', list.data.awardOn)}>Xuất Excel</Anchor>
              <Anchor href={badgeListUrl(org.id, 'docx', list.data.awardOn)}>Tờ trình (.docx)</Anchor>
            </Group>
          </Group>
          <Table aria-label="Danh sách đề nghị tặng Huy hiệu Đảng">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Họ và tên</Table.Th>
                <Table.Th>Ngày vào Đảng</Table.Th>
                <Table.Th>Tổ chức đảng</Table.Th>
                <Table.Th>Tuổi đảng</Table.Th>
                <Table.Th>Huy hiệu</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((i) => (
                <Table.Tr key={i.memberId}>
                  <Table.Td>{i.fullName}</Table.Td>
                  <Table.Td>{showDate(i.admittedOn)}</Table.Td>
                  <Table.Td>{i.orgName}</Table.Td>
                  <Table.Td>
                    {i.partyAgeYears} năm {i.partyAgeMonths} tháng
                  </Table.Td>
                  <Table.Td>
                    {i.milestoneYears} năm{i.early ? ' (tặng sớm)' : ''}
                    {i.deceased ? ' (truy tặng)' : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </>
  );
}
