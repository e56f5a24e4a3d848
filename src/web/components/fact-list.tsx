import type { ReactNode } from 'react';
import { Box, SimpleGrid, Text } from '@mantine/core';

/** One labelled value of a record: the label as the term (dt), the value as its description (dd). */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} fw={500}>
        {children}
      </Text>
    </Box>
  );
}

/** A description list of facts in up to three columns. */
export function FactGrid({ children }: { children: ReactNode }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm" component="dl" m={0}>
      {children}
    </SimpleGrid>
  );
}
