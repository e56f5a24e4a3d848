import { Button, Group, Paper, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { ratingPeriodLabel } from '../../../shared/ratings';
import { getRatingRound, ratingDecisionListUrl, ratingExportUrl, ratingSummaryUrl } from '../../api';
import { ModalButton } from '../../components/modal-button';
import { PageHeader } from '../../components/page-header';
import { ErrorState, PageLoader } from '../../components/page-state';
import { showDate, showNumber } from '../../format';
import { useCan } from '../auth/session';
import { MemberRatingsTable } from './member-ratings-table';
import { OrgRatingsTable } from './org-ratings-table';
import { QuotaTable } from './quota-table';
import { RoundCloseForm } from './round-close-form';

/** One round: the members' score sheets, proposals and decisions; the organisations; the excellent quota; the papers. */
export function RatingRoundPage() {
  const id = Number(useParams().id);
  const canStep = useCan('ratings.step');
  const round = useQuery({ queryKey: ['rating-round', id], queryFn: ({ signal }) => getRatingRound(id, signal) });
  if (round.isPending) return <PageLoader />;
  if (round.isError) return <ErrorState error={round.error} onRetry={() => round.refetch()} />;
  const r = round.data;
  const pending = r.members - r.decided - r.excused;
  return (
    <>
      <PageHeader
        title={`Đánh giá, xếp loại ${ratingPeriodLabel(r)}`}
        subtitle={`${r.orgName} · mở ${showDate(r.openedOn)} · hạn ${showDate(r.dueOn)}${r.closedOn ? ` · đã kết thúc ${showDate(r.closedOn)}` : ''}`}
        actions={
          <Group gap="xs">
            <Button component="a" href={ratingExportUrl(id)} variant="default" download>
              Xuất Excel
            </Button>
            <Button component="a" href={ratingSummaryUrl(id)} variant="default" download>
              Báo cáo tổng hợp (.docx)
            </Button>
            <Button component="a" href={ratingDecisionListUrl(id)} variant="default" download>
              Quyết định, danh sách (.docx)
            </Button>
            {canStep && !r.closedOn ? (
              <ModalButton label="Kết thúc đợt" title="Kết thúc đợt đánh giá" variant="light">
                {(close) => <RoundCloseForm round={r} onDone={close} />}
              </ModalButton>
            ) : null}
          </Group>
        }
      />
      <Text mb="sm" size="sm">
        Đã xếp loại {showNumber(r.decided)} đảng viên, không đánh giá {showNumber(r.excused)}, chưa xếp loại {showNumber(pending)}; tổ chức đảng đã xếp loại{' '}
        {showNumber(r.orgsDecided)} / {showNumber(r.orgs)}.
      </Text>
      <Paper withBorder p={{ base: 'xs', sm: 'md' }}>
        <Tabs defaultValue="dang-vien" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="dang-vien">Đảng viên</Tabs.Tab>
            <Tabs.Tab value="to-chuc">Tổ chức đảng</Tabs.Tab>
            <Tabs.Tab value="ty-le">Tỷ lệ hoàn thành xuất sắc</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="dang-vien">
            <MemberRatingsTable round={r} />
          </Tabs.Panel>
          <Tabs.Panel value="to-chuc">
            <OrgRatingsTable round={r} />
          </Tabs.Panel>
          <Tabs.Panel value="ty-le">
            <QuotaTable roundId={id} />
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </>
  );
}
