import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { listTargets, listTasks, targetsExportUrl, tasksExportUrl } from '../../api';
import { ModalButton } from '../../components/modal-button';
import { ActionGate, useCan } from '../auth/session';
import { CultureStandardList } from './culture-standard-list';
import { TargetCreateForm } from './target-create-form';
import { TargetEditForm } from './target-edit-form';
import { TaskCreateForm } from './task-create-form';
import { TaskEditForm } from './task-edit-form';
import { TaskStatusSelect } from './task-status-select';
import { usePlanOrg } from './use-plan-org';
import { showDate, showNumber, showText } from '../../format';
import { metricRecordsPath } from '../dashboard/metric-links';
import { planEndKindLabels, targetComparisonSigns, taskStatusLabels, type Target } from '../../../shared/targets';

/** "≥ 130", "≥ 80%". */
function goal(t: Target): string {
  return `${targetComparisonSigns[t.comparison]} ${showNumber(t.value)}${t.measure === 'percent' ? '%' : ''}`;
}

function Reached({ target }: { target: Target }) {
  const { progress } = target;
  if (progress.actual === null) return <Text c="dimmed">Chưa có số liệu</Text>;
  const figure = `${showNumber(progress.actual)}${target.measure === 'percent' ? '%' : ''}`;
  const drill = progress.drill;
  return (
    <Group gap="xs">
      {drill ? (
        <Anchor
          component={Link}
          to={metricRecordsPath(drill.metricName, { orgId: drill.orgId, date: drill.date, from: drill.from, to: drill.to }, drill.key ?? undefined)}
        >
          {figure}
        </Anchor>
      ) : (
        <Text>{figure}</Text>
      )}
      <Badge color={progress.met ? 'green' : 'orange'} variant="light">
        {progress.met ? 'Đạt' : 'Chưa đạt'}
      </Badge>
    </Group>
  );
}

/** The year's targets with their live progress (drill-down to the records behind a bound one), and the tasks. */
export function TargetsPage() {
  const org = usePlanOrg();
  const orgId = org?.id;
  const canWrite = useCan('targets.write');
  const targets = useQuery({ queryKey: ['targets', orgId], queryFn: ({ signal }) => listTargets({ orgId }, signal) });
  const tasks = useQuery({ queryKey: ['tasks', orgId], queryFn: ({ signal }) => listTasks({ orgId }, signal) });
  const year = targets.data?.year;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>
          Chỉ tiêu năm {year ?? ''}
          {org ? ` · ${org.name}` : ''}
        </Title>
        <Group>
          {org && year ? (
            <ActionGate action="targets.write">
              <ModalButton label="Thêm chỉ tiêu" title="Thêm chỉ tiêu" size="lg">
                {(close) => <TargetCreateForm orgId={org.id} year={year} onDone={close} />}
              </ModalButton>
            </ActionGate>
          ) : null}
          <Button component="a" href={targetsExportUrl({ orgId, year })} variant="default">
            Xuất Excel
          </Button>
        </Group>
      </Group>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Tổ chức đảng</Table.Th>
            <Table.Th>Chỉ tiêu</Table.Th>
            <Table.Th>Mức</Table.Th>
            <Table.Th>Kết quả</Table.Th>
            <Table.Th>Số liệu đến ngày</Table.Th>
            <Table.Th>Minh chứng</Table.Th>
            {canWrite ? <Table.Th aria-label="Thao tác" /> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(targets.data?.items ?? []).map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>{t.orgName}</Table.Td>
              <Table.Td>
                {t.title}
                {t.endKind ? (
                  <Text size="sm" c="dimmed">
                    {planEndKindLabels[t.endKind]} ngày {showDate(t.endedOn)}
                  </Text>
                ) : null}
                {t.metricLabel ? (
                  <Text size="sm" c="dimmed">
                    Tính từ chỉ số: {t.metricLabel}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{goal(t)}</Table.Td>
              <Table.Td>
                <Reached target={t} />
              </Table.Td>
              <Table.Td>{showDate(t.progress.to)}</Table.Td>
              <Table.Td>{showText(t.evidence)}</Table.Td>
              {canWrite ? (
                <Table.Td>
                  {t.endKind ? null : (
                    <ModalButton label="Sửa" title={`Sửa chỉ tiêu: ${t.title}`} size="lg" variant="subtle">
                      {(close) => <TargetEditForm target={t} onDone={close} />}
                    </ModalButton>
                  )}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Title order={2}>Nhiệm vụ, giải pháp</Title>
        <Group>
          {org && year ? (
            <ActionGate action="targets.write">
              <ModalButton label="Thêm nhiệm vụ" title="Thêm nhiệm vụ, giải pháp">
                {(close) => <TaskCreateForm orgId={org.id} year={year} onDone={close} />}
              </ModalButton>
            </ActionGate>
          ) : null}
          <Button component="a" href={tasksExportUrl({ orgId, year })} variant="default">
            Xuất Excel
          </Button>
        </Group>
      </Group>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Nhiệm vụ, giải pháp</Table.Th>
            <Table.Th>Chủ trì</Table.Th>
            <Table.Th>Thời hạn</Table.Th>
            <Table.Th>Tình trạng</Table.Th>
            <Table.Th>Ghi chú</Table.Th>
            {canWrite ? <Table.Th aria-label="Thao tác" /> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(tasks.data?.items ?? []).map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>{t.text}</Table.Td>
              <Table.Td>{showText(t.owner)}</Table.Td>
              <Table.Td>{showDate(t.dueOn)}</Table.Td>
              <Table.Td>{t.endKind ? planEndKindLabels[t.endKind] : canWrite ? <TaskStatusSelect task={t} /> : taskStatusLabels[t.status]}</Table.Td>
              <Table.Td>{showText(t.notes)}</Table.Td>
              {canWrite ? (
                <Table.Td>
                  {t.endKind ? null : (
                    <ModalButton label="Sửa" title={`Sửa nhiệm vụ: ${t.text}`} size="lg" variant="subtle">
                      {(close) => <TaskEditForm task={t} onDone={close} />}
                    </ModalButton>
                  )}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={2}>Cơ quan, đơn vị đạt chuẩn văn hóa năm {year ?? ''}</Title>
      {year ? <CultureStandardList orgId={orgId} year={year} /> : null}
    </Stack>
  );
}
