import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { listTargets } from '../../api';
import { showNumber } from '../../format';
import { metricRecordsPath } from '../dashboard/metric-links';
import { targetComparisonSigns } from '../../../shared/targets';

/** The dashboard's panel: the year's targets and where each stands, live; a bound figure opens its records. */
export function TargetsProgressCard({ orgId }: { orgId: number | undefined }) {
  const targets = useQuery({ queryKey: ['targets', orgId], queryFn: ({ signal }) => listTargets({ orgId }, signal), staleTime: 60_000 });
  const open = (targets.data?.items ?? []).filter((t) => t.endKind === null);
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="targets-progress">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" fw={600} id="targets-progress" component="h2">
          Chỉ tiêu năm {targets.data?.year ?? ''}
        </Text>
        <Anchor component={Link} to="/chi-tieu" size="sm">
          Xem tất cả
        </Anchor>
      </Group>
      {open.length === 0 ? (
        <Text size="sm" c="dimmed">
          Chưa có chỉ tiêu của năm.
        </Text>
      ) : (
        <Stack gap={4} mt="xs">
          {open.map((t) => {
            const unit = t.measure === 'percent' ? '%' : '';
            const figure = t.progress.actual === null ? 'chưa có số liệu' : `${showNumber(t.progress.actual)}${unit}`;
            const drill = t.progress.drill;
            return (
              <Group key={t.id} justify="space-between" wrap="nowrap">
                <Text size="sm">{t.title}</Text>
                <Group gap="xs" wrap="nowrap">
                  {drill ? (
                    <Anchor
                      component={Link}
                      size="sm"
                      to={metricRecordsPath(drill.metricName, { orgId: drill.orgId, date: drill.date, from: drill.from, to: drill.to }, drill.key ?? undefined)}
                    >
                      {figure}
                    </Anchor>
                  ) : (
                    <Text size="sm">{figure}</Text>
                  )}
                  <Text size="sm" c="dimmed">
                    / {targetComparisonSigns[t.comparison]} {showNumber(t.value)}
                    {unit}
                  </Text>
                  {t.progress.met === null ? null : (
                    <Badge color={t.progress.met ? 'green' : 'orange'} variant="light">
                      {t.progress.met ? 'Đạt' : 'Chưa đạt'}
                    </Badge>
                  )}
                </Group>
              </Group>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
