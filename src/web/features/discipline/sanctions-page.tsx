import { Anchor, Badge, Button, Group, Paper, Select, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { sanctionFormLabels, sanctionForms, sanctionStateLabels, sanctionStates, sanctionSubjectKindLabels } from '../../../shared/discipline';
import type { SanctionForm, SanctionState } from '../../../shared/discipline';
import { listSanctions, sanctionsExportUrl } from '../../api';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { PageHeader } from '../../components/page-header';
import { showDate } from '../../format';
import { useCan } from '../auth/session';

/** Discipline decisions in the scope (drafts only for the inspection staff and the admin, as the server answers). */
export function SanctionsPage() {
  const [state, setState] = useState<SanctionState | null>(null);
  const [form, setForm] = useState<SanctionForm | null>(null);
  const canRecord = useCan('discipline.record');
  const query = { state: state ?? undefined, form: form ?? undefined, page: 1, pageSize: 200 };
  const sanctions = useQuery({ queryKey: ['sanctions', query], queryFn: ({ signal }) => listSanctions(query, signal) });
  return (
    <>
      <PageHeader
        title="Kỷ luật đảng"
        actions={
          <Group gap="xs">
            <Button component="a" href={sanctionsExportUrl({ state: query.state, form: query.form })} variant="default">
              Xuất Excel
            </Button>
            <Button component={Link} to="/ky-luat/khieu-nai" variant="default">
              Khiếu nại kỷ luật
            </Button>
            {canRecord ? (
              <Button component={Link} to="/ky-luat/moi">
                Đề nghị kỷ luật
              </Button>
            ) : null}
          </Group>
        }
      />
      <Group gap="sm" mb="sm" wrap="wrap">
        {canRecord ? (
          <Select
            label="Trạng thái"
            clearable
            w={{ base: '100%', xs: 220 }}
            value={state}
            onChange={(v) => setState(v as SanctionState | null)}
            data={sanctionStates.map((s) => ({ value: s, label: sanctionStateLabels[s] }))}
          />
        ) : null}
        <Select
          label="Hình thức"
          clearable
          w={{ base: '100%', xs: 200 }}
          value={form}
          onChange={(v) => setForm(v as SanctionForm | null)}
          data={sanctionForms.map((f) => ({ value: f, label: sanctionFormLabels[f] }))}
        />
      </Group>
      {sanctions.isPending ? <PageLoader /> : null}
      {sanctions.isError ? <ErrorState error={sanctions.error} onRetry={() => sanctions.refetch()} /> : null}
      {sanctions.data && sanctions.data.items.length === 0 ? <EmptyText>Chưa có hồ sơ kỷ luật nào.</EmptyText> : null}
      {sanctions.data && sanctions.data.items.length > 0 ? (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={560}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Đối tượng</Table.Th>
                  <Table.Th>Tổ chức</Table.Th>
                  <Table.Th>Hình thức</Table.Th>
                  <Table.Th>Trạng thái</Table.Th>
                  <Table.Th>Có hiệu lực</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sanctions.data.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/ky-luat/${s.id}`}>
                        {s.memberName ?? s.orgName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {sanctionSubjectKindLabels[s.subjectKind]}
                      </Text>
                    </Table.Td>
                    <Table.Td>{s.orgName}</Table.Td>
                    <Table.Td>{sanctionFormLabels[s.standingForm ?? s.form ?? s.proposedForm]}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={s.state === 'decided' ? 'red' : 'gray'}>
                        {sanctionStateLabels[s.state]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{showDate(s.effectiveOn)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
    </>
  );
}
