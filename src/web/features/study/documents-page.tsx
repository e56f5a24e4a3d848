import { Anchor, Group, Paper, Select, SimpleGrid, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, Route, Routes, useNavigate } from 'react-router-dom';
import { partyDocumentKindLabels, partyDocumentKinds, type PartyDocumentKind } from '../../../shared/study';
import { listPartyDocuments } from '../../api';
import { ModalButton } from '../../components/modal-button';
import { useCurrentOrg } from '../../components/current-org';
import { PageHeader } from '../../components/page-header';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { Pager } from '../../components/pager';
import { pickParam, useUrlFilters } from '../../components/use-url-filters';
import { showDate } from '../../format';
import { NotFoundPage } from '../shell/route-error';
import { useCan } from '../auth/session';
import { CoveragePage } from './coverage-page';
import { DocumentPage } from './document-page';
import { DocumentCreateForm } from './study-forms';

const PAGE_SIZE = 50;

/** The documents library and study coverage (one route in the app's router). */
export function StudyRoutes() {
  return (
    <Routes>
      <Route index element={<DocumentsPage />} />
      <Route path=":id" element={<DocumentPage />} />
      <Route path="yeu-cau/:id" element={<CoveragePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** Documents registered in the scope and above it: Centre, province, the organisation's own thematic resolutions. */
export function DocumentsPage() {
  const { params, page, update } = useUrlFilters();
  const { org } = useCurrentOrg();
  const kind = pickParam<PartyDocumentKind>(params.get('kind'), partyDocumentKinds);
  const yearText = params.get('year');
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  const query = useQuery({
    queryKey: ['party-documents', org?.id ?? null, kind, year, page],
    queryFn: ({ signal }) => listPartyDocuments({ orgId: org?.id, kind, year, page, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
  const thisYear = new Date().getFullYear();
  const canRegister = useCan('documents.write');
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="Văn bản và học tập nghị quyết"
        subtitle="Nghị quyết, chỉ thị, kết luận… cần học tập, quán triệt; theo dõi đảng viên đã học, chưa học."
        actions={
          canRegister ? (
            <ModalButton label="Đăng ký văn bản" title="Đăng ký văn bản" size="lg">
              {(close) => (
                <DocumentCreateForm
                  onDone={(saved) => {
                    close();
                    navigate(`/hoc-tap/${saved.id}`);
                  }}
                />
              )}
            </ModalButton>
          ) : undefined
        }
      />
      <Paper withBorder p="sm" mb="md" className="no-print">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Loại văn bản"
            clearable
            placeholder="Tất cả"
            data={partyDocumentKinds.map((k) => ({ value: k, label: partyDocumentKindLabels[k] }))}
            value={kind ?? null}
            onChange={(value) => update({ kind: value })}
          />
          <Select
            label="Năm ban hành"
            clearable
            placeholder="Tất cả"
            data={[0, 1, 2, 3, 4].map((n) => String(thisYear - n))}
            value={year ? String(year) : null}
            onChange={(value) => update({ year: value })}
          />
        </SimpleGrid>
      </Paper>
      {query.isPending ? <PageLoader /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : null}
      {query.data ? (
        <Paper withBorder>
          {query.data.items.length === 0 ? (
            <Text px="md">
              <EmptyText>Chưa có văn bản nào phù hợp.</EmptyText>
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Số, ký hiệu</Table.Th>
                    <Table.Th>Trích yếu</Table.Th>
                    <Table.Th>Loại</Table.Th>
                    <Table.Th>Cơ quan ban hành</Table.Th>
                    <Table.Th>Ngày ban hành</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {query.data.items.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/hoc-tap/${d.id}`}>
                          {d.code}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{d.title}</Table.Td>
                      <Table.Td>{partyDocumentKindLabels[d.kind]}</Table.Td>
                      <Table.Td>{d.issuerName}</Table.Td>
                      <Table.Td>{showDate(d.issuedOn)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Group justify="flex-end" p="sm">
            <Pager page={page} pageSize={PAGE_SIZE} total={query.data.total} onChange={(next) => update({ page: String(next) })} unit="văn bản" />
          </Group>
        </Paper>
      ) : null}
    </>
  );
}
