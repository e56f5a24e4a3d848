import { Anchor, Breadcrumbs, Paper, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../components/page-header';
import { SanctionProposeForm } from './sanction-propose-form';

export function SanctionCreatePage() {
  return (
    <>
      <PageHeader
        above={
          <Breadcrumbs separator="›">
            <Anchor component={Link} to="/ky-luat" size="sm">
              Kỷ luật đảng
            </Anchor>
            <Text size="sm">Đề nghị kỷ luật</Text>
          </Breadcrumbs>
        }
        title="Đề nghị kỷ luật đảng viên"
      />
      <Paper withBorder p="md">
        <SanctionProposeForm />
      </Paper>
    </>
  );
}
