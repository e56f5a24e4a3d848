import { Alert, Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { candidateStateLabels } from '../../shared/admissions';
import type { CandidateState } from '../../shared/admissions';
import type { PossibleDuplicate } from '../../shared/errors';
import { memberStatusLabels } from '../../shared/member';
import type { MemberStatus } from '../../shared/member';
import { isApiError } from '../api';
import { showDate } from '../format';

/** The records a save was held back for, when the error is that warning; otherwise none. */
export function duplicatesOf(error: unknown): PossibleDuplicate[] {
  return isApiError(error, 'CONFLICT') ? error.duplicates : [];
}

function stateLabel(duplicate: PossibleDuplicate): string {
  return duplicate.kind === 'member'
    ? (memberStatusLabels[duplicate.state as MemberStatus] ?? duplicate.state)
    : `Người vào Đảng: ${(candidateStateLabels[duplicate.state as CandidateState] ?? duplicate.state).toLocaleLowerCase('vi')}`;
}

/** "Có thể trùng hồ sơ": the matching records, each opening in a new tab, and a button to save anyway. */
export function DuplicateWarning({ duplicates, saving, onConfirm }: { duplicates: PossibleDuplicate[]; saving: boolean; onConfirm: () => void }) {
  if (duplicates.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" role="alert" title="Có thể trùng hồ sơ">
      <Stack gap="xs">
        <Text size="sm">Đã có hồ sơ cùng họ tên, ngày sinh và chi bộ. Hãy mở ra kiểm tra để không ghi một người hai lần:</Text>
        <List size="sm">
          {duplicates.map((d) => (
            <List.Item key={`${d.kind}-${d.id}`}>
              <Anchor component={Link} to={d.kind === 'member' ? `/dang-vien/${d.id}` : `/ket-nap/${d.id}`} target="_blank">
                {d.fullName}
              </Anchor>
              , sinh {showDate(d.birthDate)}, {d.orgName} ({stateLabel(d)})
            </List.Item>
          ))}
        </List>
        <Group justify="flex-end">
          <Button color="yellow" variant="filled" c="black" onClick={onConfirm} loading={saving}>
            Vẫn lưu
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
