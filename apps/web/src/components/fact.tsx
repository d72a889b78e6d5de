import { Box, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A labelled value in a record's header or card: the label small and dimmed, the value below it. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" mt={2}>
        {children}
      </Text>
    </Box>
  );
}
