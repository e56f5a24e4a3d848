import { Button, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { studyStatusLabels } from '../../../shared/study';
import { fetchStudyCoverage, studyCoverageExportUrl } from '../../api';
import { PageHeader } from '../../components/page-header';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { showDate, showNumber } from '../../format';

/**
 * Coverage of one study requirement: members required (as of the deadline, from the membership periods), studied at
 * a session or by self-study (told apart), not yet; members away on temporary transfer are listed apart.
 */
export function CoveragePage() {
  const id = Number(useParams().id);
  const query = useQuery({ queryKey: ['study-coverage', id], queryFn: ({ signal }) => fetchStudyCoverage(id, signal) });
  const data = query.data;
  const share = data && data.required > 0 ? Math.round(((data.studiedSession + data.studiedSelf) / data.required) * 1000) / 10 : null;
  return (
    <>
      <PageHeader
        title={data ? `Học tập ${data.requirement.documentCode}` : 'Kết quả học tập'}
        subtitle={
          data
            ? `${data.requirement.documentTitle} — ${data.requirement.orgName}, hạn ${showDate(data.requirement.deadline)}; số liệu đến ngày ${showDate(data.asOf)}.`
            : undefined
        }
        actions={
          <Button component="a" href={studyCoverageExportUrl(id)} variant="default" download>
            Xuất Excel
          </Button>
        }
      />
      {query.isPending ? <PageLoader /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : null}
      {data ? (
        <>
          <SimpleGrid cols={{ base: 2, sm: 5 }} mb="md">
            <Figure label="Phải học" value={data.required} />
            <Figure label="Học tại hội nghị" value={data.studiedSession} />
            <Figure label="Tự học (đảng viên xác nhận)" value={data.studiedSelf} />
            <Figure label="Chưa học" value={data.notYet} />
            <Figure label="Đi vắng (tạm thời, không tính)" value={data.away} />
          </SimpleGrid>
          {share !== null ? <Text mb="sm">Tỷ lệ đã học: {share.toLocaleString('vi-VN')}%</Text> : null}
          <Paper withBorder>
            {data.members.filter((m) => m.status === 'not_yet').length === 0 ? (
              <Text px="md">
                <EmptyText>Tất cả đảng viên phải học đã học tập văn bản này.</EmptyText>
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Tổ chức đảng</Table.Th>
                      <Table.Th>Đảng viên chưa học</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.members
                      .filter((m) => m.status === 'not_yet')
                      .map((m) => (
                        <Table.Tr key={m.memberId}>
                          <Table.Td>{m.orgName}</Table.Td>
                          <Table.Td>
                            {m.fullName}{' '}
                            <Text span c="dimmed" size="sm">
                              ({studyStatusLabels[m.status]})
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
        </>
      ) : null}
    </>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {showNumber(value)}
      </Text>
    </Paper>
  );
}
