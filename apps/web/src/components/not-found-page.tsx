import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center mih="60vh" p="md">
      <Stack align="center" gap="sm" ta="center" maw={480}>
        <Text fz={64} fw={700} c="govRed.8" lh={1}>
          404
        </Text>
        <Title order={1} fz="h2">
          {t('errors.notFoundTitle')}
        </Title>
        <Text c="dimmed">{t('errors.notFoundBody')}</Text>
        <Button component={Link} to="/" mt="sm">
          {t('errors.backHome')}
        </Button>
      </Stack>
    </Center>
  );
}
