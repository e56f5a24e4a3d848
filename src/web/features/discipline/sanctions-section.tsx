import { Anchor, Badge, Button, Group, Paper, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { sanctionFormLabels, sanctionStateLabels } from '../../../shared/discipline';
import { listMemberSanctions, listSanctions } from '../../api';
import { showDate } from '../../format';
import { useCan } from '../auth/session';

/**
 * A member's or an organisation's (its own and its members') sanctions, on its page. The server decides what each
 * reader gets: decided ones for those in scope, drafts only for those who record discipline; nothing is shown when
 * there is nothing to show.
 */
export function SanctionsSection({ memberId, memberName, orgId }: { memberId?: number; memberName?: string; orgId?: number }) {
  const canRecord = useCan('discipline.record');
  const query = useQuery({
    queryKey: ['sanctions-of', memberId ?? null, orgId ?? null],
    queryFn: async ({ signal }) => (memberId ? listMemberSanctions(memberId, signal) : (await listSanctions({ orgId, page: 1, pageSize: 50 }, signal)).items),
  });
  if (!query.data || query.data.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={4}>Kỷ luật đảng</Title>
          {canRecord && memberId ? (
            <Button
              component={Link}
              size="xs"
              variant="light"
              to={`/ky-luat/moi?${new URLSearchParams({ memberId: String(memberId), subjectName: memberName ?? '' }).toString()}`}
            >
              Đề nghị kỷ luật
            </Button>
          ) : null}
        </Group>
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                {memberId ? null : <Table.Th>Đối tượng</Table.Th>}
                <Table.Th>Hình thức</Table.Th>
                <Table.Th>Trạng thái</Table.Th>
                <Table.Th>Có hiệu lực</Table.Th>
                <Table.Th>Ghi trên hồ sơ đến</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.map((s) => (
                <Table.Tr key={s.id}>
                  {memberId ? null : (
                    <Table.Td>
                      <Anchor component={Link} to={`/ky-luat/${s.id}`}>
                        {s.memberName ?? s.orgName}
                      </Anchor>
                    </Table.Td>
                  )}
                  <Table.Td>
                    {memberId ? (
                      <Anchor component={Link} to={`/ky-luat/${s.id}`}>
                        {sanctionFormLabels[s.standingForm ?? s.form ?? s.proposedForm]}
                      </Anchor>
                    ) : (
                      sanctionFormLabels[s.standingForm ?? s.form ?? s.proposedForm]
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={s.state === 'decided' ? 'red' : 'gray'}>
                      {sanctionStateLabels[s.state]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{showDate(s.effectiveOn)}</Table.Td>
                  <Table.Td>{showDate(s.onRecordUntil)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
