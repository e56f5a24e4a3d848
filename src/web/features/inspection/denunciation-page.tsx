import { Anchor, Breadcrumbs, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { denunciationKindLabels, denunciationStageLabels, subjectKindLabels } from '../../../shared/inspection';
import { getDenunciation } from '../../api';
import { Fact, FactGrid } from '../../components/fact-list';
import { PageHeader } from '../../components/page-header';
import { ErrorState, PageLoader } from '../../components/page-state';
import { showDate } from '../../format';
import { useCan } from '../auth/session';
import { DenunciationEntryForm } from './denunciation-forms';

/** One denunciation: who sent it only for its handlers (the server leaves it out for anyone else), the handling so far. */
export function DenunciationPage() {
  const id = Number(useParams().id);
  const canWrite = useCan('inspection.write');
  const query = useQuery({ queryKey: ['denunciation', id], queryFn: ({ signal }) => getDenunciation(id, signal) });
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  const sender = d.anonymous
    ? 'Nặc danh'
    : d.denouncer
      ? [d.denouncer.fullName, d.denouncer.address, d.denouncer.contact].filter((part) => part !== '').join(' · ')
      : 'Có danh tính (chỉ người xử lý đơn được xem)';
  return (
    <>
      <PageHeader
        above={
          <Breadcrumbs separator="›">
            <Anchor component={Link} to="/kiem-tra/don-thu" size="sm">
              Sổ đơn tố cáo, khiếu nại
            </Anchor>
            <Text size="sm">Đơn số {d.id}</Text>
          </Breadcrumbs>
        }
        title={`${denunciationKindLabels[d.kind]}: ${d.aboutName}`}
        subtitle="Tài liệu mật: mỗi lần xem đều được ghi nhật ký."
      />
      <Stack gap="md">
        <Paper withBorder p="md">
          <FactGrid>
            <Fact label="Ngày nhận">{showDate(d.receivedOn)}</Fact>
            <Fact label="Người gửi">{sender}</Fact>
            <Fact label="Đối tượng">{`${d.aboutName} (${subjectKindLabels[d.aboutKind]})`}</Fact>
            <Fact label="Giai đoạn">{denunciationStageLabels[d.stage]}</Fact>
            <Fact label="Cuộc kiểm tra">
              {d.caseId ? (
                <Anchor component={Link} to={`/kiem-tra/${d.caseId}`}>
                  Cuộc số {d.caseId}
                </Anchor>
              ) : (
                '—'
              )}
            </Fact>
          </FactGrid>
          <Text mt="sm">{d.content}</Text>
        </Paper>
        <Timeline active={d.entries.length - 1} bulletSize={18}>
          {d.entries.map((e, i) => (
            <Timeline.Item key={i} title={denunciationStageLabels[e.stage]}>
              <Text size="sm">
                {showDate(e.occurredOn)} · {e.by}
              </Text>
              <Text size="sm">{e.text}</Text>
            </Timeline.Item>
          ))}
        </Timeline>
        {canWrite && d.stage !== 'closed' ? (
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              Ghi bước xử lý
            </Title>
            <DenunciationEntryForm key={d.version} denunciation={d} />
          </Paper>
        ) : null}
      </Stack>
    </>
  );
}
