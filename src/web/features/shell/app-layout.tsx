import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { AppShell, Box, Burger, Button, Divider, Group, NavLink, ScrollArea, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { userRoleLabels } from '../../../shared/auth';
import type { UserRole } from '../../../shared/auth';
import { can } from '../../../shared/permissions';
import { logout } from '../../api';
import { CurrentOrgProvider, useCurrentOrg } from '../../components/current-org';
import { OrgSelect } from '../../components/org-select';
import { useSession } from '../auth/session';

interface NavItem {
  to: string;
  label: string;
  /** Matches sub-pages too (`/dang-vien/12` lights up "Đảng viên"). */
  prefix?: boolean;
}

interface NavGroup {
  label: string | null;
  items: NavItem[];
}

/** The pages of the role: a page for one kind of work shows only where shared/permissions.ts allows it. */
function navigationFor(role: UserRole): NavGroup[] {
  if (role === 'member')
    return [
      {
        label: null,
        items: [
          { to: '/ho-so-cua-toi', label: 'Hồ sơ của tôi' },
          // ratings
          { to: '/tu-danh-gia', label: 'Tự đánh giá, xếp loại' },
        ],
      },
    ];
  const groups: NavGroup[] = [
    {
      label: null,
      items: [
        { to: '/', label: 'Tổng quan' },
        { to: '/to-chuc', label: 'Tổ chức đảng', prefix: true },
        { to: '/dang-vien', label: 'Đảng viên', prefix: true },
        { to: '/ket-nap', label: 'Kết nạp đảng viên', prefix: true },
        { to: '/chuyen-sinh-hoat', label: 'Chuyển sinh hoạt đảng', prefix: true },
        ...(can(role, 'imports.run') ? [{ to: '/nhap-du-lieu', label: 'Nhập, xuất dữ liệu' }] : []),
        { to: '/chi-tieu', label: 'Chỉ tiêu, nhiệm vụ' }, // targets
        { to: '/kien-nghi', label: 'Kiến nghị lên cấp trên' }, // targets
        { to: '/bao-cao', label: 'Báo cáo năm' }, // reports
        // dues
        { to: '/dang-phi', label: 'Đảng phí' },
        { to: '/huy-hieu', label: 'Huy hiệu Đảng' },
        // inspection
        ...(can(role, 'inspection.read') ? [{ to: '/kiem-tra', label: 'Kiểm tra, giám sát', prefix: true }] : []),
        { to: '/sinh-hoat', label: 'Sinh hoạt chi bộ', prefix: true }, // meetings
        { to: '/hoc-tap', label: 'Văn bản, học tập nghị quyết', prefix: true }, // study
        { to: '/ky-luat', label: 'Kỷ luật đảng', prefix: true }, // discipline
        // ratings
        { to: '/danh-gia-xep-loai', label: 'Đánh giá, xếp loại', prefix: true },
        // portal
        ...(can(role, 'portal.edit') ? [{ to: '/tin-bai', label: 'Tin bài cổng thông tin', prefix: true }] : []),
      ],
    },
  ];
  const administration = [
    { to: '/quan-tri/nguoi-dung', label: 'Người dùng', action: 'users.manage' },
    { to: '/quan-tri/quy-dinh', label: 'Sổ tay quy định', action: 'rules.write' },
    { to: '/quan-tri/ngay-nghi', label: 'Ngày nghỉ lễ', action: 'holidays.write' },
    { to: '/quan-tri/nhat-ky', label: 'Nhật ký hệ thống', action: 'audit.read' },
  ] as const;
  const allowed = administration.filter((item) => can(role, item.action)).map(({ to, label }) => ({ to, label }));
  if (allowed.length > 0) groups.push({ label: 'Quản trị', items: allowed });
  return groups;
}

function isActive(item: NavItem, pathname: string): boolean {
  if (item.to === '/') return pathname === '/' || pathname.startsWith('/so-lieu');
  return pathname === item.to || (item.prefix === true && pathname.startsWith(`${item.to}/`));
}

export function AppLayout({ children }: { children: ReactNode }) {
  const session = useSession();
  return (
    <CurrentOrgProvider userId={session.user.id}>
      <Layout>{children}</Layout>
    </CurrentOrgProvider>
  );
}

function scopeText(role: string, orgName: string | null): string {
  if (role === 'member') return 'Hồ sơ cá nhân';
  if (orgName === null) return 'Toàn hệ thống';
  return orgName;
}

function Layout({ children }: { children: ReactNode }) {
  const session = useSession();
  const { user } = session;
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const { org, setOrg } = useCurrentOrg();

  useEffect(() => {
    close();
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    /** After navigation keyboard and screen-reader users start at the new page, not in the menu. */
    mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname, close]);

  const signOut = useMutation({
    mutationFn: logout,
    onSettled: () => {
      queryClient.clear();
      navigate('/dang-nhap', { replace: true });
    },
  });

  const groups = navigationFor(user.role);
  const scope = scopeText(user.role, user.orgName);
  /** The first admin is called "Quản trị hệ thống", like the role: say it once. */
  const roleText = userRoleLabels[user.role] === user.displayName ? null : userRoleLabels[user.role];
  const showPicker = user.role !== 'member';

  const picker = showPicker ? (
    <OrgSelect
      aria-label="Chọn tổ chức đảng đang xem"
      placeholder={`Toàn bộ phạm vi: ${scope}`}
      value={org}
      onChange={setOrg}
      size="sm"
      w="100%"
      comboboxProps={{ withinPortal: true }}
    />
  ) : null;

  return (
    <AppShell
      header={{ height: { base: 92, sm: 64 } }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'md' }}
      className="app-shell"
    >
      <a href="#noi-dung-chinh" className="skip-link">
        Bỏ qua đến nội dung chính
      </a>
      <AppShell.Header className="no-print">
        <Stack gap={0} h="100%" justify="center" px="sm">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="xs" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Đóng menu' : 'Mở menu'} />
              <UnstyledButton component={Link} to="/" className="brand">
                <span className="brand-mark" aria-hidden="true">
                  ★
                </span>
                <Text fw={700} size="lg" component="span">
                  Đảng vụ
                </Text>
              </UnstyledButton>
            </Group>
            {picker ? (
              <Box visibleFrom="sm" style={{ flex: '1 1 320px', maxWidth: 420 }}>
                {picker}
              </Box>
            ) : null}
            <Group gap="sm" wrap="nowrap" visibleFrom="sm">
              <UserBadge name={user.displayName} role={roleText} scope={scope} />
              <Button variant="default" size="xs" onClick={() => signOut.mutate()} loading={signOut.isPending}>
                Đăng xuất
              </Button>
            </Group>
          </Group>
          <Box hiddenFrom="sm" mt={4}>
            <Text size="xs" lineClamp={2}>
              <strong>{user.displayName}</strong> · {roleText ? `${roleText} · ` : ''}Phạm vi: {scope}
            </Text>
          </Box>
        </Stack>
      </AppShell.Header>
      <AppShell.Navbar p="xs" className="no-print" aria-label="Điều hướng chính">
        {picker ? (
          <Box hiddenFrom="sm" mb="sm">
            {picker}
          </Box>
        ) : null}
        <AppShell.Section grow component={ScrollArea}>
          <div>
            {groups.map((group, index) => (
              <Box key={group.label ?? index} mb="sm">
                {group.label ? (
                  <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py={4}>
                    {group.label}
                  </Text>
                ) : null}
                {group.items.map((item) => {
                  const active = isActive(item, location.pathname);
                  return (
                    <NavLink
                      key={item.to}
                      component={Link}
                      to={item.to}
                      label={item.label}
                      active={active}
                      aria-current={active ? 'page' : undefined}
                      variant="light"
                    />
                  );
                })}
              </Box>
            ))}
          </div>
        </AppShell.Section>
        <AppShell.Section>
          <Divider my="xs" />
          <NavLink component={Link} to="/doi-mat-khau" label="Đổi mật khẩu" />
          <Box hiddenFrom="sm">
            <NavLink component="button" type="button" label="Đăng xuất" onClick={() => signOut.mutate()} />
          </Box>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="noi-dung-chinh" ref={mainRef} tabIndex={-1} className="main-content">
        <div>
          {org !== null && showPicker ? <VisuallyHidden>Đang xem trong phạm vi: {org.name}</VisuallyHidden> : null}
          {children}
        </div>
      </AppShell.Main>
    </AppShell>
  );
}

function UserBadge({ name, role, scope }: { name: string; role: string | null; scope: string }) {
  return (
    <Box ta="right" style={{ minWidth: 0 }}>
      <Text size="sm" fw={600} lineClamp={1}>
        {name}
      </Text>
      <Text size="xs" c="dimmed" lineClamp={1}>
        {role ? `${role} · ` : ''}Phạm vi: {scope}
      </Text>
    </Box>
  );
}
