import { useMemo, useState } from 'react';
import { Anchor, Badge, Button, Code, CopyButton, Group, Menu, Modal, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { officialRoles, userCreate, userRoleLabels, userRoles, userUpdate } from '../../../shared/auth';
import type { UserCreate, UserItem, UserRole, UserUpdate } from '../../../shared/auth';
import { createUser, isApiError, listMembers, listUsers, logoutUser, resetUserPassword, updateUser, usersExportUrl } from '../../api';
import { OrgName, useOrgQuery } from '../../components/org-name';
import { OrgSelect } from '../../components/org-select';
import { ErrorState, PageLoader } from '../../components/page-state';
import { PageHeader } from '../../components/page-header';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { usePickedRef } from '../../components/use-picked-ref';
import { numberOrNull, submitValid, textOf, useZodForm } from '../../components/use-zod-form';
import { errorText } from '../../error-text';
import { useSession } from '../auth/session';
import { memberPickLabel } from '../members/member-labels';

const roleOptions = userRoles.map((role) => ({ value: role, label: userRoleLabels[role] }));

function needsOrg(role: string | null): boolean {
  return role !== null && (officialRoles as readonly string[]).includes(role);
}

/** Finds a member record by name for a member's account. */
function MemberSelect({
  value,
  onChange,
  error,
}: {
  value: { id: number; name: string } | null;
  onChange: (value: { id: number; name: string } | null) => void;
  error?: string;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: ['members', 'pick', debounced],
    queryFn: ({ signal }) => listMembers({ q: debounced, page: 1, pageSize: 20 }, signal),
    enabled: debounced.length >= 2 && debounced !== value?.name,
  });
  const data = useMemo(() => {
    const items = (found.data?.items ?? []).map((m) => ({ value: String(m.id), label: memberPickLabel(m) }));
    if (value && !items.some((item) => item.value === String(value.id))) items.unshift({ value: String(value.id), label: value.name });
    return items;
  }, [found.data, value]);
  return (
    <Select
      label="Hồ sơ đảng viên"
      required
      searchable
      clearable
      placeholder="Gõ họ tên để tìm"
      data={data}
      value={value ? String(value.id) : null}
      onChange={(next, option) => onChange(next && option ? { id: Number(next), name: option.label } : null)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={debounced.length < 2 ? 'Gõ ít nhất 2 ký tự' : found.isFetching ? 'Đang tìm…' : 'Không tìm thấy'}
      error={error}
    />
  );
}

function OneTimePasswordModal({ value, username, onClose }: { value: string | null; username: string; onClose: () => void }) {
  return (
    <Modal opened={value !== null} onClose={onClose} title="Mật khẩu dùng một lần" closeButtonProps={{ 'aria-label': 'Đóng' }}>
      <Stack gap="sm">
        <Text size="sm">
          Mật khẩu của tài khoản <strong>{username}</strong>. Mật khẩu chỉ hiển thị một lần; người dùng phải đổi mật khẩu khi đăng nhập lần đầu.
        </Text>
        <Group gap="sm">
          <Code fz="lg" px="sm" py={6}>
            {value}
          </Code>
          <CopyButton value={value ?? ''}>
            {({ copied, copy }) => (
              <Button variant="light" size="xs" onClick={copy}>
                {copied ? 'Đã sao chép' : 'Sao chép'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Group justify="flex-end">
          <Button onClick={onClose}>Đã ghi lại</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CreateUserForm({ onCreated }: { onCreated: (username: string, password: string | null) => void }) {
  const queryClient = useQueryClient();
  const form = useZodForm<UserCreate>({
    initial: { username: '', displayName: '', role: 'org_staff', orgId: '', memberId: '' },
    schema: userCreate,
    toInput: (draft) => ({
      username: textOf(draft.username),
      displayName: textOf(draft.displayName),
      role: draft.role ?? undefined,
      orgId: needsOrg(draft.role as string | null) ? numberOrNull(draft.orgId) : null,
      memberId: draft.role === 'member' ? numberOrNull(draft.memberId) : null,
    }),
  });
  const org = usePickedRef(form, 'orgId');
  const member = usePickedRef(form, 'memberId');
  const save = useMutation({
    mutationFn: createUser,
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      notifications.show({ color: 'green', message: `Đã tạo tài khoản ${result.user.username}.` });
      onCreated(result.user.username, result.oneTimePassword);
    },
    onError: (error) => form.applyServerError(error),
  });
  const onSubmit = submitValid(form, save.mutate);
  const role = form.draft.role as string | null;
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <SaveErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Tên đăng nhập" description="Chữ thường không dấu, số, dấu chấm, gạch" required autoComplete="off" {...form.text('username')} />
          <TextInput label="Họ tên hiển thị" required {...form.text('displayName')} />
        </SimpleGrid>
        <Select label="Vai trò" required allowDeselect={false} data={roleOptions} {...form.choice('role')} />
        {needsOrg(role) ? <OrgSelect label="Phạm vi quản lý (tổ chức đảng)" required {...org} /> : null}
        {role === 'member' ? <MemberSelect {...member} /> : null}
        <Text size="xs" c="dimmed">
          Phần mềm tạo mật khẩu dùng một lần; người dùng phải đổi mật khẩu khi đăng nhập lần đầu.
        </Text>
        <Button type="submit" loading={save.isPending}>
          Tạo tài khoản
        </Button>
      </Stack>
    </form>
  );
}

function EditUserForm({ user, onDone }: { user: UserItem; onDone: () => void }) {
  const queryClient = useQueryClient();
  const currentOrg = useOrgQuery(user.orgId);
  const form = useZodForm<UserUpdate>({
    initial: { displayName: user.displayName, role: user.role, orgId: user.orgId ? String(user.orgId) : '', disabled: user.disabled },
    schema: userUpdate,
    toInput: (draft) => ({
      version: user.version,
      displayName: textOf(draft.displayName),
      role: draft.role ?? undefined,
      orgId: needsOrg(draft.role as string | null) ? numberOrNull(draft.orgId) : null,
      disabled: draft.disabled === true,
    }),
  });
  const org = usePickedRef(form, 'orgId', user.orgId ? { id: user.orgId, name: '' } : null);
  /** The list may not name the organisation: then its name comes from the organisation itself. */
  const orgValue = org.value && org.value.name === '' && currentOrg.data ? { id: org.value.id, name: currentOrg.data.name } : org.value;
  const save = useMutation({
    mutationFn: (input: UserUpdate) => updateUser(user.id, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      notifications.show({ color: 'green', message: 'Đã lưu tài khoản.' });
      onDone();
    },
    onError: (error) => form.applyServerError(error),
  });
  const onSubmit = submitValid(form, save.mutate);
  const role = form.draft.role as string | null;
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <SaveErrorAlert error={save.error}>
          {isApiError(save.error, 'CONFLICT') ? 'Tài khoản vừa được người khác sửa. Vui lòng đóng hộp thoại và mở lại.' : undefined}
        </SaveErrorAlert>
        <TextInput label="Họ tên hiển thị" required {...form.text('displayName')} />
        <Select
          label="Vai trò"
          required
          allowDeselect={false}
          data={roleOptions.filter((option) => (user.role === 'member') === (option.value === 'member'))}
          {...form.choice('role')}
        />
        {needsOrg(role) ? <OrgSelect label="Phạm vi quản lý (tổ chức đảng)" required {...org} value={orgValue} /> : null}
        <Switch label="Khóa tài khoản" {...form.checked('disabled')} />
        <Button type="submit" loading={save.isPending}>
          Lưu
        </Button>
      </Stack>
    </form>
  );
}

function scopeCell(user: UserItem) {
  if (user.role === 'admin') return 'Toàn hệ thống';
  if (user.role === 'member')
    return user.memberId ? (
      <Anchor component={Link} to={`/dang-vien/${user.memberId}`} size="sm">
        Hồ sơ đảng viên
      </Anchor>
    ) : (
      '—'
    );
  return <OrgName id={user.orgId} known={null} />;
}

export function UsersPage() {
  const session = useSession();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: ({ signal }) => listUsers(signal) });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserItem | null>(null);
  const [otp, setOtp] = useState<{ username: string; password: string } | null>(null);
  const [filter, setFilter] = useState<UserRole | null>(null);

  const reset = useMutation({
    mutationFn: (user: UserItem) => resetUserPassword(user.id).then((result) => ({ user, result })),
    onSuccess: ({ user, result }) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      setOtp({ username: user.username, password: result.oneTimePassword });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorText(error) }),
  });
  const forceLogout = useMutation({
    mutationFn: (user: UserItem) => logoutUser(user.id),
    onSuccess: () => notifications.show({ color: 'green', message: 'Đã kết thúc mọi phiên đăng nhập của tài khoản.' }),
    onError: (error) => notifications.show({ color: 'red', message: errorText(error) }),
  });

  const rows = (users.data ?? []).filter((user) => filter === null || user.role === filter);

  return (
    <>
      <PageHeader
        title="Người dùng"
        subtitle="Tài khoản, vai trò và phạm vi quản lý"
        actions={
          <>
            <Button onClick={() => setCreating(true)}>Thêm tài khoản</Button>
            <Button component="a" href={usersExportUrl} variant="default" download>
              Xuất Excel
            </Button>
            <Button variant="default" onClick={() => window.print()}>
              In danh sách
            </Button>
          </>
        }
      />
      <Group mb="sm" className="no-print">
        <Select
          label="Lọc theo vai trò"
          placeholder="Tất cả vai trò"
          clearable
          data={roleOptions}
          value={filter}
          onChange={(value) => setFilter(value as UserRole | null)}
          w={260}
        />
      </Group>
      {users.isPending ? <PageLoader /> : null}
      {users.isError ? <ErrorState error={users.error} onRetry={() => users.refetch()} /> : null}
      {users.data ? (
        <div className="table-scroll" tabIndex={0}>
          <Table striped verticalSpacing="xs" miw={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Tên đăng nhập</Table.Th>
                <Table.Th scope="col">Họ tên</Table.Th>
                <Table.Th scope="col">Vai trò</Table.Th>
                <Table.Th scope="col">Phạm vi</Table.Th>
                <Table.Th scope="col">Trạng thái</Table.Th>
                <Table.Th scope="col" className="no-print">
                  Thao tác
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {user.username}
                    </Text>
                  </Table.Td>
                  <Table.Td>{user.displayName}</Table.Td>
                  <Table.Td>{userRoleLabels[user.role]}</Table.Td>
                  <Table.Td>{scopeCell(user)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {user.disabled ? (
                        <Badge color="red" variant="light" radius="sm">
                          Đã khóa
                        </Badge>
                      ) : (
                        <Badge color="green" variant="light" radius="sm">
                          Đang dùng
                        </Badge>
                      )}
                      {user.mustChangePassword ? (
                        <Badge color="orange" variant="light" radius="sm">
                          Chưa đổi mật khẩu
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td className="no-print">
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <Button size="xs" variant="default" aria-label={`Thao tác với tài khoản ${user.username}`}>
                          Thao tác
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => setEditing(user)}>Sửa</Menu.Item>
                        <Menu.Item onClick={() => reset.mutate(user)} disabled={user.id === session.user.id}>
                          Cấp lại mật khẩu
                        </Menu.Item>
                        <Menu.Item onClick={() => forceLogout.mutate(user)} disabled={user.id === session.user.id}>
                          Buộc đăng xuất
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ) : null}

      <Modal opened={creating} onClose={() => setCreating(false)} title="Thêm tài khoản" size="lg" closeButtonProps={{ 'aria-label': 'Đóng' }}>
        {creating ? (
          <CreateUserForm
            onCreated={(username, password) => {
              setCreating(false);
              if (password) setOtp({ username, password });
            }}
          />
        ) : null}
      </Modal>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? `Sửa tài khoản ${editing.username}` : ''}
        closeButtonProps={{ 'aria-label': 'Đóng' }}
      >
        {editing ? <EditUserForm key={editing.id} user={editing} onDone={() => setEditing(null)} /> : null}
      </Modal>
      <OneTimePasswordModal value={otp?.password ?? null} username={otp?.username ?? ''} onClose={() => setOtp(null)} />
    </>
  );
}
