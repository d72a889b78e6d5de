import { Box, Group, Text } from '@mantine/core';
import { IconStarFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The app's mark: a gold star on the brand red, as on the favicon, and the name "steerco". */
export function BrandMark({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  const box = size === 'lg' ? 44 : 32;
  return (
    <Group gap="xs" wrap="nowrap">
      <Box
        w={box}
        h={box}
        bg="govRed.8"
        style={{ borderRadius: 8, display: 'grid', placeItems: 'center', flexShrink: 0 }}
        aria-hidden
      >
        <IconStarFilled size={box * 0.55} color="#f6c343" />
      </Box>
      <Text fw={750} fz={size === 'lg' ? 26 : 20} c="govRed.8" style={{ letterSpacing: '-0.02em' }}>
        {t('app.name')}
      </Text>
    </Group>
  );
}
