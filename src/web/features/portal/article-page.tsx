import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Textarea, TextInput, Title, Typography } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { articleActionLabels, articleStatusLabels, editableStatuses, openArticleSteps, type ArticleAction } from '../../../shared/portal';
import { can } from '../../../shared/permissions';
import { getPortalArticle, isApiError, stepPortalArticle, type ArticleView } from '../../api';
import { ModalButton } from '../../components/modal-button';
import { PageHeader } from '../../components/page-header';
import { ErrorState, PageLoader } from '../../components/page-state';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { showDateTime } from '../../format';
import { useSession } from '../auth/session';
import { articleStatusColors } from './articles-page';
import { RevisionHistory } from './revision-diff';
import { isStaleEdit } from './article-form';

const stepColors: Partial<Record<ArticleAction, string>> = { return: 'orange', unpublish: 'red', publish: 'green', approve: 'blue' };
const eventLabels: Record<string, string> = { ...articleActionLabels, import: 'Nhập từ cổng cũ' };

/** A `datetime-local` value (the browser's local time) as an instant, or null when left empty. */
function instantOf(local: string): string | null {
  if (local.trim() === '') return null;
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

function StepForm({ article, action, close }: { article: ArticleView; action: ArticleAction; close: () => void }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [publishAt, setPublishAt] = useState('');
  const step = useMutation({
    mutationFn: () =>
      stepPortalArticle(article.id, action, {
        version: article.version,
        note: note.trim() === '' ? null : note.trim(),
        publishAt: action === 'publish' ? instantOf(publishAt) : null,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['portal-article', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['portal-articles'] });
      close();
    },
    onError: (error) => {
      // Someone took a step or saved meanwhile: the article is reloaded, the refusal stays in the dialog.
      if (isStaleEdit(error)) void queryClient.invalidateQueries({ queryKey: ['portal-article', article.id] });
    },
  });
  const fieldError = (field: string) => (isApiError(step.error) ? step.error.fields.find((f) => f.field === field)?.message : undefined);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        step.mutate();
      }}
    >
      <Stack>
        {isStaleEdit(step.error) ? (
          <Alert color="orange" variant="light" role="alert">
            {(step.error as Error).message} Tin bài đã được tải lại.
          </Alert>
        ) : (
          <SaveErrorAlert error={step.error} />
        )}
        {action === 'publish' ? (
          <TextInput
            type="datetime-local"
            label="Hẹn giờ đăng"
            description="Để trống để đăng ngay."
            value={publishAt}
            onChange={(e) => setPublishAt(e.currentTarget.value)}
            error={fieldError('publishAt')}
          />
        ) : null}
        <Textarea
          label={action === 'return' ? 'Lý do trả lại' : 'Ghi chú'}
          required={action === 'return'}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldError('note')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Hủy
          </Button>
          <Button type="submit" color={stepColors[action]} loading={step.isPending}>
            {articleActionLabels[action]}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One article on the desk: its content, the steps the role may take from its status, its history and revisions. */
export function ArticlePage() {
  const id = Number(useParams().id);
  const { user } = useSession();
  const query = useQuery({ queryKey: ['portal-article', id], queryFn: ({ signal }) => getPortalArticle(id, signal) });
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const article = query.data;
  const steps = openArticleSteps(article.status, (permission) => can(user.role, permission));
  const canEdit = can(user.role, 'portal.edit') && editableStatuses.includes(article.status);
  const scheduled = article.status === 'published' && article.publishedAt !== null && new Date(article.publishedAt) > new Date();
  return (
    <>
      <PageHeader
        title={article.title}
        above={
          <Anchor component={Link} to="/tin-bai" size="sm">
            ← Tin bài
          </Anchor>
        }
        subtitle={
          <Group gap="xs">
            <Badge color={articleStatusColors[article.status]} variant="light">
              {scheduled ? 'Hẹn giờ đăng' : articleStatusLabels[article.status]}
            </Badge>
            <span>
              {article.categoryName} · bản {article.revision}
              {article.publishedAt ? ` · đăng ${showDateTime(article.publishedAt)}` : ''}
            </span>
          </Group>
        }
        actions={
          <>
            {canEdit ? (
              <Button component={Link} to={`/tin-bai/${article.id}/sua`} variant="default">
                Sửa tin
              </Button>
            ) : null}
            {steps.map((action) => (
              <ModalButton
                key={action}
                label={articleActionLabels[action]}
                title={`${articleActionLabels[action]}: ${article.title}`}
                color={stepColors[action]}
              >
                {(close) => <StepForm article={article} action={action} close={close} />}
              </ModalButton>
            ))}
            {article.status === 'published' && !scheduled ? (
              <Button component="a" href={`/tin-tuc/${article.slug}`} target="_blank" rel="noopener" variant="default">
                Xem trên trang tin
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="md">
          <Text fw={600} mb="sm">
            {article.lead}
          </Text>
          <Typography>
            {/* The body as stored: cleaned by the server against the allow-list (portal-sanitize.ts). */}
            <div dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
          </Typography>
          <Text size="sm" c="dimmed" mt="sm">
            {[article.author, article.source].filter(Boolean).join(' · ')}
            {article.tags.length > 0 ? ` · Thẻ: ${article.tags.join(', ')}` : ''}
          </Text>
        </Paper>
        <Stack gap="xs">
          <Title order={2} size="h3">
            Các bước xử lý
          </Title>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Thời điểm</Table.Th>
                <Table.Th>Bước</Table.Th>
                <Table.Th>Trạng thái</Table.Th>
                <Table.Th>Người thực hiện</Table.Th>
                <Table.Th>Ghi chú</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {article.events.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{showDateTime(e.at)}</Table.Td>
                  <Table.Td>{eventLabels[e.action] ?? e.action}</Table.Td>
                  <Table.Td>
                    {e.fromStatus ? `${articleStatusLabels[e.fromStatus]} → ` : ''}
                    {articleStatusLabels[e.toStatus]}
                    {e.publishAt ? ` (đăng ${showDateTime(e.publishAt)})` : ''}
                  </Table.Td>
                  <Table.Td>{e.byName}</Table.Td>
                  <Table.Td>{e.note ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
        <Stack gap="xs">
          <Title order={2} size="h3">
            Lịch sử sửa đổi
          </Title>
          <RevisionHistory revisions={article.revisions} />
        </Stack>
      </Stack>
    </>
  );
}
