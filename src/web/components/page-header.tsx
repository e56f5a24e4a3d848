import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { Box, Group, Stack, Text, Title } from '@mantine/core';

/** The page's one h1, its browser-tab title and its actions (hidden when printing). */
export function PageHeader({ title, subtitle, actions, above }: { title: string; subtitle?: ReactNode; actions?: ReactNode; above?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Đảng vụ`;
  }, [title]);
  return (
    <Stack gap={4} mb="md">
      {above}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Box style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Title order={1} size="h2">
            {title}
          </Title>
          {subtitle ? (
            <Text c="dimmed" size="sm" component="div">
              {subtitle}
            </Text>
          ) : null}
        </Box>
        {actions ? (
          <Group gap="xs" className="no-print">
            {actions}
          </Group>
        ) : null}
      </Group>
    </Stack>
  );
}
