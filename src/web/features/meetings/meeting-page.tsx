import { useState } from 'react';
import { Alert, Badge, Button, FileButton, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { attendanceStatusLabels, meetingKindLabels, meetingStatusLabels } from '../../../shared/meetings';
import { getMeeting, meetingMinutesTemplateUrl, meetingMinutesUrl, meetingNoticeUrl, uploadMeetingMinutes } from '../../api';
import { Fact, FactGrid } from '../../components/fact-list';
import { PageHeader } from '../../components/page-header';
import { ErrorState, PageLoader } from '../../components/page-state';
import { errorText } from '../../error-text';
import { showDate, showNumber } from '../../format';
import { useCan } from '../auth/session';
import { AttendanceForm } from './attendance-form';
import { MeetingCancelForm } from './meeting-cancel-form';
import { MeetingEditForm } from './meeting-edit-form';
import { ModalButton } from '../../components/modal-button';

/** One meeting: what it is, its documents, its attendance; planned, it can be recorded as held; held, its minutes uploaded. */
export function MeetingPage() {
  const id = Number(useParams().id);
  const canWrite = useCan('meetings.write');
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ['meeting', id], queryFn: ({ signal }) => getMeeting(id, signal) });
  const [uploadError, setUploadError] = useState<unknown>(null);
  const upload = useMutation({
    mutationFn: (file: File) => uploadMeetingMinutes(id, file, query.data!.version),
    onSuccess: (saved) => {
      setUploadError(null);
      queryClient.setQueryData(['meeting', id], saved);
    },
    onError: setUploadError,
  });
  if (query.isPending) return <PageLoader label="Đang tải cuộc họp…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const m = query.data;
  const facts: { label: string; value: string }[] = [
    { label: 'Thời gian', value: `${m.startTime ? `${m.startTime}, ` : ''}${showDate(m.meetingOn)}` },
    { label: 'Địa điểm', value: m.place || '—' },
    { label: 'Chủ trì', value: m.chairName ?? '—' },
    { label: 'Thư ký', value: m.minuteTakerName ?? '—' },
    ...(m.topic ? [{ label: 'Chuyên đề', value: m.topic }] : []),
    { label: 'Nội dung', value: m.agenda || '—' },
    ...(m.status === 'held'
      ? [
          { label: 'Có mặt', value: `${showNumber(m.counts.present)} / ${showNumber(m.counts.expected)} đảng viên` },
          { label: 'Kết luận', value: m.conclusions || '—' },
          { label: 'Khách mời', value: m.guests.join(', ') || '—' },
        ]
      : []),
    ...(m.documents.length > 0
      ? [{ label: 'Văn bản thảo luận', value: m.documents.map((d) => `${d.code} ngày ${showDate(d.issuedOn)} — ${d.title}`).join('; ') }]
      : []),
    ...(m.cancelReason ? [{ label: 'Lý do hủy', value: m.cancelReason }] : []),
  ];
  return (
    <>
      <PageHeader
        title={`${meetingKindLabels[m.kind]} ngày ${showDate(m.meetingOn)}`}
        subtitle={m.orgName}
        actions={
          <>
            <Button component="a" href={meetingNoticeUrl(m.id)} variant="default" download>
              Thông báo họp (.docx)
            </Button>
            <Button component="a" href={meetingMinutesTemplateUrl(m.id)} variant="default" download>
              Mẫu biên bản (.docx)
            </Button>
            {m.status === 'planned' && canWrite ? (
              <>
                <ModalButton label="Sửa lịch họp" title="Sửa lịch họp" variant="default">
                  {(close) => <MeetingEditForm meeting={m} onDone={close} />}
                </ModalButton>
                <ModalButton label="Hủy cuộc họp" title="Hủy cuộc họp" variant="subtle" color="red">
                  {(close) => <MeetingCancelForm meeting={m} onDone={close} />}
                </ModalButton>
              </>
            ) : null}
          </>
        }
      />
      <Stack>
        <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
          <Group mb="sm">
            <Badge variant="light" color={m.status === 'held' ? 'green' : m.status === 'planned' ? 'blue' : 'gray'}>
              {meetingStatusLabels[m.status]}
            </Badge>
            {m.qualityScore !== null ? <Badge variant="outline">Điểm chất lượng: {m.qualityScore}</Badge> : null}
          </Group>
          <FactGrid>
            {facts.map((f) => (
              <Fact key={f.label} label={f.label}>
                {f.value}
              </Fact>
            ))}
          </FactGrid>
        </Paper>
        {m.status === 'planned' && canWrite ? <AttendanceForm meeting={m} /> : null}
        {m.status !== 'planned' ? (
          <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
            <Title order={3} mb="sm">
              Điểm danh
            </Title>
            <Table.ScrollContainer minWidth={480}>
              <Table striped>
                <Table.Tbody>
                  {m.attendance.map((a) => (
                    <Table.Tr key={a.memberId}>
                      <Table.Td>{a.fullName}</Table.Td>
                      <Table.Td>{a.status ? attendanceStatusLabels[a.status] : '—'}</Table.Td>
                      <Table.Td>{a.reason ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        ) : null}
        {m.status === 'held' ? (
          <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
            <Title order={3} mb="sm">
              Biên bản
            </Title>
            {m.minutes ? (
              <Text mb="sm">
                <a href={meetingMinutesUrl(m.id)} download>
                  {m.minutes.originalName}
                </a>{' '}
                ({showNumber(Math.ceil(m.minutes.sizeBytes / 1024))} KB, {m.minutes.uploadedByName})
              </Text>
            ) : (
              <Text mb="sm" c="dimmed">
                Chưa có biên bản.
              </Text>
            )}
            {canWrite ? (
              <FileButton onChange={(file) => file && upload.mutate(file)} accept="application/pdf,.pdf,.docx">
                {(props) => (
                  <Button {...props} variant="default" loading={upload.isPending}>
                    Tải lên biên bản (PDF hoặc .docx)
                  </Button>
                )}
              </FileButton>
            ) : null}
            {uploadError ? (
              <Alert color="red" variant="light" role="alert" mt="sm">
                {errorText(uploadError)}
              </Alert>
            ) : null}
          </Paper>
        ) : null}
      </Stack>
    </>
  );
}
