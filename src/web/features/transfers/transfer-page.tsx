import type { ReactNode } from 'react';
import { Alert, Anchor, Breadcrumbs, Button, Group, Paper, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { genderLabels } from '../../../shared/member';
import { temporaryPurposeLabels, transferDirectionLabels, transferKindLabels, transferStateLabels } from '../../../shared/transfers';
import type { TransferAction, TransferDetail, TransferSide, TransferState } from '../../../shared/transfers';
import { getTransfer, transferLetterUrl } from '../../api';
import { ModalButton } from '../../components/modal-button';
import { PageHeader } from '../../components/page-header';
import { ErrorState, PageLoader } from '../../components/page-state';
import { showDate, showText } from '../../format';
import { decisionText } from '../members/member-labels';
import { NotFoundPage } from '../shell/route-error';
import { fromName, toName, TransferStateBadge } from './transfer-fields';
import { CancelForm, LetterForm, ReceiptForm, ReturnForm } from './transfer-forms';

const actionLabels: Record<TransferAction, string> = {
  issue_letter: 'Cấp giấy giới thiệu',
  confirm_receipt: 'Xác nhận tiếp nhận',
  record_return: 'Ghi kết thúc sinh hoạt tạm thời',
  cancel: 'Hủy thủ tục',
};

const stepLabels: Record<'created' | TransferState, string> = {
  created: 'Lập thủ tục',
  pending: 'Chờ cấp giấy',
  letter_issued: 'Cấp giấy giới thiệu',
  received: 'Tiếp nhận',
  returned: 'Trở về',
  cancelled: 'Hủy',
};

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

function sideText(transfer: TransferDetail): string {
  if (transfer.sides.length === 2) return 'Bạn quản lý cả nơi đi và nơi đến.';
  return transfer.sides[0] === 'sending' ? 'Bạn đang xem với tư cách tổ chức đảng nơi đi.' : 'Bạn đang xem với tư cách tổ chức đảng nơi đến.';
}

/** The side whose scope holds the member's record now: only there does the link to it open. */
function recordSide(t: TransferDetail): TransferSide {
  if (t.direction === 'in') return 'receiving';
  return t.direction === 'within' && t.kind === 'permanent' && t.state === 'received' ? 'receiving' : 'sending';
}

function ActionButton({ transfer, action }: { transfer: TransferDetail; action: TransferAction }) {
  return (
    <ModalButton
      label={actionLabels[action]}
      title={`${actionLabels[action]}: ${transfer.fullName}`}
      size="lg"
      variant={action === 'cancel' ? 'default' : 'filled'}
      color={action === 'cancel' ? 'red' : undefined}
    >
      {(close) => (
        <>
          {action === 'issue_letter' ? <LetterForm transfer={transfer} onDone={close} /> : null}
          {action === 'confirm_receipt' ? <ReceiptForm transfer={transfer} onDone={close} /> : null}
          {action === 'record_return' ? <ReturnForm transfer={transfer} onDone={close} /> : null}
          {action === 'cancel' ? <CancelForm transfer={transfer} onDone={close} /> : null}
        </>
      )}
    </ModalButton>
  );
}

/** One transfer as either side sees it, with the steps that side may take now. */
export function TransferPage() {
  const id = Number(useParams().id);
  const query = useQuery({ queryKey: ['transfer', id], queryFn: ({ signal }) => getTransfer(id, signal), enabled: Number.isInteger(id) && id > 0 });
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (query.isPending) return <PageLoader label="Đang tải thủ tục…" />;
  if (query.isError)
    return (
      <>
        <PageHeader title="Chuyển sinh hoạt đảng" />
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      </>
    );
  const t = query.data;
  const printable = t.letterOn !== null && t.direction !== 'in';
  return (
    <>
      <PageHeader
        above={
          <Breadcrumbs separator="›" className="no-print">
            <Anchor component={Link} to="/chuyen-sinh-hoat" size="sm">
              Chuyển sinh hoạt đảng
            </Anchor>
            <Text size="sm">{t.fullName}</Text>
          </Breadcrumbs>
        }
        title={`Chuyển sinh hoạt ${transferKindLabels[t.kind].toLocaleLowerCase('vi')}: ${t.fullName}`}
        subtitle={
          <Group gap="xs" component="span">
            <TransferStateBadge state={t.state} />
            <span>
              {fromName(t)} → {toName(t)}
            </span>
          </Group>
        }
        actions={
          <>
            {t.actions.map((action) => (
              <ActionButton key={action} transfer={t} action={action} />
            ))}
            {printable ? (
              <Button component="a" variant="default" href={transferLetterUrl(t.id)} download>
                Tải giấy giới thiệu (.docx)
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="md">
        <Text size="sm" c="dimmed" data-testid="transfer-side">
          {sideText(t)}{' '}
          {t.actions.length === 0 && t.state !== 'received' && t.state !== 'returned' && t.state !== 'cancelled' ? 'Bước tiếp theo do bên kia thực hiện.' : ''}
        </Text>
        {t.kind === 'temporary' ? (
          <Alert variant="light" color="blue">
            Sinh hoạt tạm thời: đảng viên vẫn được tính trong số lượng của tổ chức đảng nơi đi, không tính ở nơi đến.
          </Alert>
        ) : null}
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Field label="Họ và tên">
              {t.memberId && t.sides.includes(recordSide(t)) ? (
                <Anchor component={Link} to={`/dang-vien/${t.memberId}`}>
                  {t.fullName}
                </Anchor>
              ) : (
                t.fullName
              )}
            </Field>
            <Field label="Hình thức">
              {transferKindLabels[t.kind]} · {transferDirectionLabels[t.direction]}
            </Field>
            <Field label="Trạng thái">{transferStateLabels[t.state]}</Field>
            <Field label="Nơi đi">{fromName(t)}</Field>
            <Field label="Nơi đến">{toName(t)}</Field>
            {t.movingDecision ? <Field label="Quyết định làm căn cứ">{decisionText(t.movingDecision)}</Field> : null}
            {t.movingDecision?.effectiveOn ? <Field label="Quyết định có hiệu lực từ">{showDate(t.movingDecision.effectiveOn)}</Field> : null}
            {t.kind === 'temporary' ? (
              <>
                <Field label="Lý do">{t.purpose ? temporaryPurposeLabels[t.purpose] : '—'}</Field>
                <Field label="Thời gian sinh hoạt tạm thời">
                  {showDate(t.temporaryFrom)} – {showDate(t.temporaryUntil)}
                </Field>
              </>
            ) : null}
            {t.person ? (
              <Field label="Người được giới thiệu">
                {genderLabels[t.person.gender]}, sinh {showDate(t.person.birthDate)}, vào Đảng {showDate(t.person.admittedOn)}
              </Field>
            ) : null}
            <Field label="Hạn cấp giấy giới thiệu">{showDate(t.letterDueOn)}</Field>
            <Field label="Hạn xuất trình">{showDate(t.presentDueOn)}</Field>
            <Field label="Ngày xuất trình">{showDate(t.presentedOn)}</Field>
          </SimpleGrid>
        </Paper>
        {t.letterOn ? (
          <Paper withBorder p="md">
            <Title order={2} size="h5" mb="sm">
              Giấy giới thiệu sinh hoạt đảng
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Field label="Số, ngày">
                {t.letterNumber}, ngày {showDate(t.letterOn)}
              </Field>
              <Field label="Số thẻ đảng viên">{showText(t.cardNumber)}</Field>
              <Field label="Số lý lịch">{showText(t.profileNumber)}</Field>
              <Field label="Số danh sách trong chi bộ">{showText(t.cellListNumber)}</Field>
              <Field label="Số đăng ký trong sổ chuyển sinh hoạt">{showText(t.transferRegisterNumber)}</Field>
              <Field label="Đã đóng đảng phí đến hết tháng">{t.duesPaidThrough ? t.duesPaidThrough.split('-').reverse().join('/') : '—'}</Field>
              {t.letterLateReason ? <Field label="Lý do cấp giấy muộn">{t.letterLateReason}</Field> : null}
              {t.lateReason ? <Field label="Lý do xuất trình chậm">{t.lateReason}</Field> : null}
              {t.cancelReason ? <Field label="Lý do hủy">{t.cancelReason}</Field> : null}
            </SimpleGrid>
          </Paper>
        ) : null}
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="sm">
            Các bước đã làm
          </Title>
          <Timeline active={t.steps.length - 1} bulletSize={14} lineWidth={2}>
            {t.steps.map((step, index) => (
              <Timeline.Item key={index} title={stepLabels[step.step as keyof typeof stepLabels] ?? step.step}>
                <Text size="sm" c="dimmed">
                  {showDate(step.occurredOn)} · {step.actorName}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Paper>
      </Stack>
    </>
  );
}
