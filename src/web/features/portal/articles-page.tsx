import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { articleStatuses, articleStatusLabels, type ArticleStatus } from '../../../shared/portal';
import { listPortalArticles } from '../../api';
import { PageHeader } from '../../components/page-header';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { Pager } from '../../components/pager';
import { pickParam, useUrlFilters } from '../../components/use-url-filters';
import { showDateTime } from '../../format';
import { useCan } from '../auth/session';
import { usePortalCategories } from './use-portal-categories';

const PAGE_SIZE = 50;
export const articleStatusColors: Record<ArticleStatus, string> = {
  draft: 'gray',
  submitted: 'yellow',
  approved: 'blue',
  published: 'green',
  unpublished: 'red',
};

/** The desk's list: the articles of the sections in the account's scope, filtered by section and status. */
export function ArticlesPage() {
  const { params, page, update } = useUrlFilters();
  const canWrite = useCan('portal.edit');
  const categories = usePortalCategories();
  const status = pickParam<ArticleStatus>(params.get('status'), articleStatuses);
  const categoryId = Number(params.get('section')) || undefined;
  const q = params.get('q') ?? '';
  const query = useQuery({
    queryKey: ['portal-articles', categoryId ?? null, status ?? null, q, page],
    queryFn: ({ signal }) => listPortalArticles({ categoryId, status, q: q || undefined, page, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title="Tin bài cổng thông tin"
        subtitle="Tin bài của các chuyên mục thuộc phạm vi quản lý: viết, gửi duyệt, duyệt và đăng."
        actions={
          <>
            {canWrite ? (
              <Button component={Link} to="/tin-bai/moi">
                Viết tin mới
              </Button>
            ) : null}
            <Button component="a" href="/tin-tuc" variant="default" target="_blank" rel="noopener">
              Xem trang tin
            </Button>
          </>
        }
      />
      <Paper withBorder p="sm" mb="md" className="no-print">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label="Chuyên mục"
            clearable
            placeholder="Tất cả"
            data={categories.map((c) => ({ value: String(c.id), label: c.name }))}
            value={categoryId ? String(categoryId) : null}
            onChange={(value) => update({ section: value })}
          />
          <Select
            label="Trạng thái"
            clearable
            placeholder="Tất cả"
            data={articleStatuses.map((s) => ({ value: s, label: articleStatusLabels[s] }))}
            value={status ?? null}
            onChange={(value) => update({ status: value })}
          />
          <TextInput
            label="Tìm theo tiêu đề, nội dung"
            defaultValue={q}
            onBlur={(e) => update({ q: e.currentTarget.value.trim() })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') update({ q: e.currentTarget.value.trim() });
            }}
          />
        </SimpleGrid>
      </Paper>
      {query.isPending ? <PageLoader /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : null}
      {query.data ? (
        <Paper withBorder>
          {query.data.items.length === 0 ? (
            <Text px="md">
              <EmptyText>Chưa có tin bài nào phù hợp.</EmptyText>
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Tiêu đề</Table.Th>
                    <Table.Th>Chuyên mục</Table.Th>
                    <Table.Th>Trạng thái</Table.Th>
                    <Table.Th>Đăng lúc</Table.Th>
                    <Table.Th>Sửa lần cuối</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {query.data.items.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/tin-bai/${a.id}`}>
                          {a.title}
                        </Anchor>
                        {a.featured ? (
                          <Badge ml="xs" size="xs" variant="outline">
                            Nổi bật
                          </Badge>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{a.categoryName}</Table.Td>
                      <Table.Td miw={120}>
                        <Badge color={articleStatusColors[a.status]} variant="light">
                          {articleStatusLabels[a.status]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{showDateTime(a.publishedAt)}</Table.Td>
                      <Table.Td>{showDateTime(a.updatedAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Group px="md" pb="sm">
            <Pager page={page} pageSize={PAGE_SIZE} total={query.data.total} onChange={(next) => update({ page: String(next) })} unit="tin bài" />
          </Group>
        </Paper>
      ) : null}
    </>
  );
}
