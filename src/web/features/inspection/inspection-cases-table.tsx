import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router-dom';
import { caseStateLabels, caseStepKindLabels, inspectionCaseKindLabels, type CaseSummary } from '../../../shared/inspection';
import { showDate } from '../../format';

/** Cases as a table: the subject, the kind, the decision date, where the case stands and the next step due. */
export function InspectionCasesTable({ items }: { items: CaseSummary[] }) {
  return (
    <Table striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Đối tượng</Table.Th>
          <Table.Th>Loại cuộc</Table.Th>
          <Table.Th>Ngày quyết định</Table.Th>
          <Table.Th>Tình trạng</Table.Th>
          <Table.Th>Bước tiếp theo</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              <Anchor component={Link} to={`/kiem-tra/${c.id}`}>
                {c.subjectName}
              </Anchor>
            </Table.Td>
            <Table.Td>{inspectionCaseKindLabels[c.kind]}</Table.Td>
            <Table.Td>{showDate(c.openedOn)}</Table.Td>
            <Table.Td>
              {caseStateLabels[c.state]}
              {c.violation ? ' – có vi phạm' : ''}
            </Table.Td>
            <Table.Td>{c.nextStep ? `${caseStepKindLabels[c.nextStep]}${c.nextDueOn ? ` (hạn ${showDate(c.nextDueOn)})` : ''}` : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
