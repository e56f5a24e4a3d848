import { useState } from 'react';
import { Alert, Anchor, Button, FileButton, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { partyDocumentIssuerLevelLabels, partyDocumentKindLabels, studySessionKindLabels } from '../../../shared/study';
import { getPartyDocument, listStudyRequirements, listStudySessions, partyDocumentFileUrl, uploadPartyDocumentFile } from '../../api';
import { Fact, FactGrid } from '../../components/fact-list';
import { ModalButton } from '../../components/modal-button';
import { PageHeader } from '../../components/page-header';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { errorText } from '../../error-text';
import { showDate, showNumber } from '../../format';
import { useCan } from '../auth/session';
import { RequirementForm, SessionForm } from './study-forms';

/** One document of the library: what it is, its file, its study requirements (each leading to coverage), its sessions. */
export function DocumentPage() {
  const id = Number(useParams().id);
  const canRegister = useCan('documents.write');
  const canRecord = useCan('study.record');
  const queryClient = useQueryClient();
  const document = useQuery({ queryKey: ['party-document', id], queryFn: ({ signal }) => getPartyDocument(id, signal) });
  const requirements = useQuery({ queryKey: ['study-requirements', id], queryFn: ({ signal }) => listStudyRequirements(id, signal) });
  const sessions = useQuery({
    queryKey: ['study-sessions', { documentId: id }],
    queryFn: ({ signal }) => listStudySessions({ documentId: id }, signal),
    enabled: canRecord,
  });
  const [uploadError, setUploadError] = useState<unknown>(null);
  const upload = useMutation({
    mutationFn: (file: File) => uploadPartyDocumentFile(id, file, document.data!.version),
    onSuccess: (saved) => {
      setUploadError(null);
      queryClient.setQueryData(['party-document', id], saved);
    },
    onError: setUploadError,
  });
  if (document.isPending) return <PageLoader label="Đang tải văn bản…" />;
  if (document.isError) return <ErrorState error={document.error} onRetry={() => document.refetch()} />;
  const d = document.data;
  return (
    <>
      <PageHeader
        title={`${partyDocumentKindLabels[d.kind]} ${d.code}`}
        subtitle={d.title}
        actions={
          <>
            {canRegister ? (
              <ModalButton label="Yêu cầu học tập" title={`Yêu cầu học tập ${d.code}`}>
                {(close) => <RequirementForm document={d} onDone={close} />}
              </ModalButton>
            ) : null}
            {canRecord ? (
              <ModalButton label="Ghi hội nghị học tập" title="Ghi hội nghị học tập, quán triệt" size="lg" variant="default">
                {(close) => <SessionForm document={d} onDone={close} />}
              </ModalButton>
            ) : null}
          </>
        }
      />
      <Stack>
        <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
          <FactGrid>
            <Fact label="Cơ quan ban hành">{`${d.issuerName} (${partyDocumentIssuerLevelLabels[d.issuerLevel]})`}</Fact>
            <Fact label="Ngày ban hành">{showDate(d.issuedOn)}</Fact>
            <Fact label="Đăng ký tại">{d.orgName}</Fact>
            <Fact label="Tóm tắt">{d.summary ?? '—'}</Fact>
          </FactGrid>
          <Group mt="sm">
            {d.fileId !== null ? (
              <Anchor href={partyDocumentFileUrl(d.id)} download>
                Tải tệp văn bản{d.fileName ? ` (${d.fileName})` : ''}
              </Anchor>
            ) : canRegister ? (
              <FileButton onChange={(file) => file && upload.mutate(file)} accept="application/pdf,.pdf,.docx">
                {(props) => (
                  <Button {...props} variant="default" loading={upload.isPending}>
                    Đính kèm tệp văn bản (PDF hoặc .docx)
                  </Button>
                )}
              </FileButton>
            ) : (
              <Text size="sm" c="dimmed">
                Chưa có tệp văn bản.
              </Text>
            )}
          </Group>
          {uploadError ? (
            <Alert color="red" variant="light" role="alert" mt="sm">
              {errorText(uploadError)}
            </Alert>
          ) : null}
        </Paper>
        <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
          <Title order={3} mb="sm">
            Yêu cầu học tập
          </Title>
          {requirements.isPending ? <PageLoader /> : null}
          {requirements.isError ? <ErrorState error={requirements.error} onRetry={() => requirements.refetch()} /> : null}
          {requirements.data?.items.length === 0 ? <EmptyText>Văn bản này chưa có yêu cầu học tập.</EmptyText> : null}
          {requirements.data?.items.map((r) => (
            <Group key={r.id} justify="space-between" py={4} wrap="wrap">
              <Text>
                {r.orgName}, hạn {showDate(r.deadline)}
                {r.note ? ` — ${r.note}` : ''}
              </Text>
              <Button component={Link} to={`/hoc-tap/yeu-cau/${r.id}`} variant="light" size="xs">
                Xem kết quả học tập
              </Button>
            </Group>
          ))}
        </Paper>
        {canRecord ? (
          <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
            <Title order={3} mb="sm">
              Hội nghị học tập, quán triệt
            </Title>
            {sessions.isError ? <ErrorState error={sessions.error} onRetry={() => sessions.refetch()} /> : null}
            {sessions.data?.items.length === 0 ? <EmptyText>Chưa ghi hội nghị học tập văn bản này.</EmptyText> : null}
            {sessions.data && sessions.data.items.length > 0 ? (
              <Table.ScrollContainer minWidth={560}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Ngày</Table.Th>
                      <Table.Th>Tổ chức đảng</Table.Th>
                      <Table.Th>Hội nghị</Table.Th>
                      <Table.Th>Số người dự</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {sessions.data.items.map((s) => (
                      <Table.Tr key={s.id}>
                        <Table.Td>{showDate(s.heldOn)}</Table.Td>
                        <Table.Td>{s.orgName}</Table.Td>
                        <Table.Td>
                          {s.title}
                          <Text size="xs" c="dimmed">
                            {studySessionKindLabels[s.kind]}
                          </Text>
                        </Table.Td>
                        <Table.Td>{showNumber(s.attendees)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : null}
          </Paper>
        ) : null}
      </Stack>
    </>
  );
}
