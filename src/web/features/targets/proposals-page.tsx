import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { listProposals, proposalsExportUrl } from '../../api';
import { ModalButton } from '../../components/modal-button';
import { ActionGate, useCan } from '../auth/session';
import { ProposalAnswerForm } from './proposal-answer-form';
import { ProposalCreateForm } from './proposal-create-form';
import { ProposalEditForm } from './proposal-edit-form';
import { usePlanOrg } from './use-plan-org';
import { showDate, showText } from '../../format';
import { proposalStatusLabels } from '../../../shared/targets';

type Direction = 'all' | 'sent' | 'received';

/** Proposals sent upward and those received from below, with their answers. */
export function ProposalsPage() {
  const [direction, setDirection] = useState<Direction>('all');
  const org = usePlanOrg();
  const orgId = org?.id;
  const canWrite = useCan('proposals.write');
  const proposals = useQuery({ queryKey: ['proposals', orgId, direction], queryFn: ({ signal }) => listProposals({ orgId, direction }, signal) });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Kiến nghị lên cấp trên</Title>
        <Group>
          {org ? (
            <ActionGate action="proposals.write">
              <ModalButton label="Ghi kiến nghị" title={`Kiến nghị của ${org.name}`} size="lg">
                {(close) => <ProposalCreateForm orgId={org.id} onDone={close} />}
              </ModalButton>
            </ActionGate>
          ) : null}
          <Button component="a" href={proposalsExportUrl({ orgId, direction })} variant="default">
            Xuất Excel
          </Button>
        </Group>
      </Group>
      <SegmentedControl
        value={direction}
        onChange={(value) => setDirection(value as Direction)}
        data={[
          { value: 'all', label: 'Tất cả' },
          { value: 'sent', label: 'Đã gửi lên' },
          { value: 'received', label: 'Nhận từ cấp dưới' },
        ]}
      />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Ngày gửi</Table.Th>
            <Table.Th>Tổ chức gửi</Table.Th>
            <Table.Th>Nơi nhận</Table.Th>
            <Table.Th>Nội dung</Table.Th>
            <Table.Th>Tình trạng</Table.Th>
            <Table.Th>Trả lời</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(proposals.data?.items ?? []).map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{showDate(p.sentOn)}</Table.Td>
              <Table.Td>{p.fromOrgName}</Table.Td>
              <Table.Td>{p.addressee}</Table.Td>
              <Table.Td>
                {p.content}
                {p.meetingText ? (
                  <Text size="sm" c="dimmed">
                    {p.meetingText}
                  </Text>
                ) : null}
                {p.meetingId !== null ? (
                  <Anchor component={Link} to={`/sinh-hoat/${p.meetingId}`} size="sm">
                    Xem cuộc họp thống nhất kiến nghị
                  </Anchor>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Badge variant="light">{proposalStatusLabels[p.status]}</Badge>
              </Table.Td>
              <Table.Td>
                {p.answeredOn ? `${showDate(p.answeredOn)}${p.answerDocument ? ` (${p.answerDocument.number})` : ''}: ` : ''}
                {showText(p.answerText)}
                {canWrite ? (
                  <Group gap={0}>
                    <ModalButton
                      label={p.answeredOn ? 'Sửa trả lời' : 'Ghi trả lời'}
                      title={`Trả lời kiến nghị của ${p.fromOrgName}`}
                      size="lg"
                      variant="subtle"
                    >
                      {(close) => <ProposalAnswerForm proposal={p} onDone={close} />}
                    </ModalButton>
                    <ModalButton label="Sửa kiến nghị" title={`Sửa kiến nghị của ${p.fromOrgName}`} size="lg" variant="subtle">
                      {(close) => <ProposalEditForm proposal={p} onDone={close} />}
                    </ModalButton>
                  </Group>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
