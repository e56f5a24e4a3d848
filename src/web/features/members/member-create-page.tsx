import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../components/page-header';
import { MemberForm } from './member-form';

export function MemberCreatePage() {
  return (
    <>
      <PageHeader
        above={
          <Breadcrumbs separator="›" className="no-print crumbs">
            <Anchor component={Link} to="/dang-vien" size="sm">
              Đảng viên
            </Anchor>
            <Text size="sm">Thêm mới</Text>
          </Breadcrumbs>
        }
        title="Thêm đảng viên"
        subtitle="Lập hồ sơ cho người đã là đảng viên (tiếp nhận hồ sơ, chuyển đến từ nơi khác)."
      />
      <MemberForm mode="create" />
    </>
  );
}
