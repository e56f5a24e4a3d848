import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { selfStudyCreate, studyStatusLabels, type SelfStudyCreate, type StudyStatus } from '../../../shared/study';
import { todayIso } from '../../../shared/dates';
import { confirmSelfStudy, getMyStudy } from '../../api';
import { DateField } from '../../components/date-field';
import { ModalButton } from '../../components/modal-button';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { submitValid, useZodForm } from '../../components/use-zod-form';
import { showDate } from '../../format';

const statusColors: Record<StudyStatus, string> = { session: 'green', self: 'teal', not_yet: 'orange', away: 'gray' };

/** A member's own study: each document they are required to study, how it stands, and self-study they confirm. */
export function MyStudyPanel() {
  const query = useQuery({ queryKey: ['my-study'], queryFn: ({ signal }) => getMyStudy(signal) });
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  if (query.data.items.length === 0) return <EmptyText>Chưa có văn bản nào bạn phải học tập.</EmptyText>;
  return (
    <Stack>
      <Text size="sm">Văn bản bạn chưa học tại hội nghị có thể tự học và tự xác nhận; việc tự học được ghi riêng, phân biệt với học tại hội nghị.</Text>
      <Table.ScrollContainer minWidth={520}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Văn bản</Table.Th>
              <Table.Th>Hạn</Table.Th>
              <Table.Th>Tình trạng</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.items.map((item) => (
              <Table.Tr key={item.requirementId}>
                <Table.Td>
                  <Text fw={500}>{item.documentCode}</Text>
                  <Text size="xs" c="dimmed">
                    {item.documentTitle}
                  </Text>
                </Table.Td>
                <Table.Td>{showDate(item.deadline)}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Badge color={statusColors[item.status]} variant="light">
                      {studyStatusLabels[item.status]}
                    </Badge>
                    {item.studiedOn ? <Text size="xs">{showDate(item.studiedOn)}</Text> : null}
                    {item.status === 'not_yet' ? (
                      <ModalButton label="Xác nhận đã tự học" title={`Xác nhận tự học ${item.documentCode}`} variant="light">
                        {(close) => <SelfStudyForm documentId={item.documentId} onDone={close} />}
                      </ModalButton>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function SelfStudyForm({ documentId, onDone }: { documentId: number; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useZodForm<SelfStudyCreate>({
    initial: { studiedOn: todayIso() },
    schema: selfStudyCreate,
    toInput: (draft) => ({ documentId, studiedOn: draft.studiedOn ?? undefined }),
  });
  const save = useMutation({
    mutationFn: (input: SelfStudyCreate) => confirmSelfStudy(input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['my-study'] });
      onDone();
    },
    onError: (error) => form.applyServerError(error),
  });
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate aria-label="Xác nhận tự học">
      <Stack gap="sm">
        <SaveErrorAlert error={save.error} />
        <Text size="sm">Tôi xác nhận đã tự nghiên cứu, học tập văn bản này.</Text>
        <DateField label="Ngày tự học" required {...form.date('studiedOn')} />
        <Button type="submit" loading={save.isPending}>
          Xác nhận
        </Button>
      </Stack>
    </form>
  );
}
