import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../../../components/brand-mark.tsx';
import { LanguageSwitch } from '../../../components/language-switch.tsx';

interface AuthLayoutProps {
  title: string;
  subtitle?: string;
  children: ReactNode;
}

/** The frame of the pages outside the app shell: brand, a card with the form, and the language switch. */
export function AuthLayout({ title, subtitle, children }: AuthLayoutProps) {
  const { t } = useTranslation();
  return (
    <Box
      mih="100vh"
      style={{ borderTop: '4px solid var(--mantine-color-govRed-8)' }}
      bg="linear-gradient(180deg, var(--mantine-color-govRed-0) 0%, var(--mantine-color-gray-0) 45%)"
    >
      <Center mih="100vh" p="md">
        <Stack w="100%" maw={420} gap="lg">
          <Stack align="center" gap={6}>
            <BrandMark size="lg" />
            <Text c="dimmed" size="sm" ta="center">
              {t('app.tagline')}
            </Text>
          </Stack>
          <Paper withBorder shadow="sm" radius="md" p={{ base: 'lg', sm: 'xl' }} component="main">
            <Title order={1} fz="h3" mb={subtitle ? 4 : 'md'}>
              {title}
            </Title>
            {subtitle && (
              <Text c="dimmed" size="sm" mb="md">
                {subtitle}
              </Text>
            )}
            {children}
          </Paper>
          <Center>
            <LanguageSwitch />
          </Center>
        </Stack>
      </Center>
    </Box>
  );
}
