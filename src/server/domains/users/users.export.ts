import type { Ctx } from '../../context.js';
import type { ExportSheet } from '../../export/xlsx-export.js';
import { orgNamesById } from '../orgs/orgs.service.js';
import { listUsers } from './users.service.js';
import { userRoleLabels } from '../../../shared/auth.js';

/** The accounts with their role and scope, as a sheet (admin only, like the list). */
export async function exportUsers(ctx: Ctx): Promise<ExportSheet[]> {
  const users = await listUsers(ctx);
  const orgs = await orgNamesById(
    ctx,
    users.flatMap((u) => (u.orgId ? [u.orgId] : [])),
  );
  return [
    {
      name: 'Người dùng',
      columns: [
        { header: 'Tên đăng nhập', key: 'username', width: 22, kind: 'text' },
        { header: 'Họ tên', key: 'displayName', width: 28 },
        { header: 'Vai trò', key: 'role', width: 22 },
        { header: 'Phạm vi quản lý', key: 'scope', width: 40 },
        { header: 'Trạng thái', key: 'state', width: 16 },
      ],
      rows: users.map((u) => ({
        username: u.username,
        displayName: u.displayName,
        role: userRoleLabels[u.role],
        scope: u.role === 'admin' ? 'Toàn hệ thống' : u.role === 'member' ? 'Hồ sơ của mình' : (orgs.get(u.orgId ?? -1) ?? ''),
        state: u.disabled ? 'Đã khóa' : 'Đang dùng',
      })),
    },
  ];
}
