import { Badge, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { todayIso } from '../../../shared/dates';
import { listCultureStandard, recordCultureStandard } from '../../api';
import { errorText } from '../../error-text';
import { showDate } from '../../format';
import { useCan } from '../auth/session';
import type { CultureStandardList } from '../../../shared/targets';

type Unit = CultureStandardList['items'][number];

function RecordButtons({ unit, year }: { unit: Unit; year: number }) {
  const queryClient = useQueryClient();
  const [evidence, setEvidence] = useState(unit.record?.evidence ?? '');
  const save = useMutation({
    mutationFn: (met: boolean) => recordCultureStandard({ orgId: unit.orgId, year, met, evidence, recordedOn: todayIso(), version: unit.record?.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['culture-standard'] });
      void queryClient.invalidateQueries({ queryKey: ['targets'] });
    },
  });
  return (
    <Group gap="xs" wrap="nowrap">
      <TextInput
        aria-label={`Minh chứng: ${unit.orgName}`}
        placeholder="Quyết định công nhận, biên bản"
        value={evidence}
        onChange={(e) => setEvidence(e.currentTarget.value)}
      />
      <Button size="xs" variant="light" onClick={() => save.mutate(true)} loading={save.isPending}>
        Đạt
      </Button>
      <Button size="xs" variant="light" color="orange" onClick={() => save.mutate(false)} loading={save.isPending}>
        Chưa đạt
      </Button>
      {save.error ? (
        <Text size="xs" c="red">
          {errorText(save.error)}
        </Text>
      ) : null}
    </Group>
  );
}

/** Each agency unit's culture-standard result for the year: the records behind the "80% of agencies" target. */
export function CultureStandardList({ orgId, year }: { orgId: number | undefined; year: number }) {
  const canWrite = useCan('targets.write');
  const units = useQuery({ queryKey: ['culture-standard', orgId, year], queryFn: ({ signal }) => listCultureStandard({ orgId, year }, signal) });
  return (
    <Table striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Cơ quan, đơn vị (tổ chức cơ sở đảng)</Table.Th>
          <Table.Th>Kết quả</Table.Th>
          <Table.Th>Minh chứng</Table.Th>
          <Table.Th>Ngày ghi</Table.Th>
          {canWrite ? <Table.Th>Ghi kết quả</Table.Th> : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {(units.data?.items ?? []).map((unit) => (
          <Table.Tr key={unit.orgId}>
            <Table.Td>{unit.orgName}</Table.Td>
            <Table.Td>
              {unit.record ? (
                <Badge color={unit.record.met ? 'green' : 'orange'} variant="light">
                  {unit.record.met ? 'Đạt chuẩn' : 'Chưa đạt'}
                </Badge>
              ) : (
                <Text c="dimmed">Chưa ghi</Text>
              )}
            </Table.Td>
            <Table.Td>{unit.record?.evidence ?? ''}</Table.Td>
            <Table.Td>{showDate(unit.record?.recordedOn)}</Table.Td>
            {canWrite ? (
              <Table.Td>
                <RecordButtons unit={unit} year={year} />
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
