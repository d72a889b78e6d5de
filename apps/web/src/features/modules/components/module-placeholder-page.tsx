import { Paper, Text } from '@mantine/core';
import { IconTools } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import type { ModuleKey } from '../modules.ts';

/** The page of a module whose API does not exist yet: its title and an honest account of what will come. */
export function ModulePlaceholderPage({ module }: { module: ModuleKey }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`modules.${module}.title`)} description={t(`modules.${module}.summary`)} />
      <Paper withBorder radius="md" p="lg">
        <EmptyState icon={<IconTools size={28} />} title={t('modules.notReady')}>
          <Text size="sm" c="dimmed" mb="md">
            {t('modules.notReadyBody')}
          </Text>
          <Text size="sm" fw={600} c="dark">
            {t('modules.willHold')}
          </Text>
          <Text size="sm" c="dark">
            {t(`modules.${module}.description`)}
          </Text>
        </EmptyState>
      </Paper>
    </>
  );
}
