import { Paper, Stack, Text } from '@mantine/core';
import type { Unit } from '@steerco/contract/units';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { SearchInput } from '../../../components/search-input.tsx';
import { unitSearchQueryOptions } from '../api.ts';
import { type UnitDialog, UnitFormModal } from './unit-form-modal.tsx';
import { type UnitActions, UnitList } from './unit-tree.tsx';

interface UnitsPageProps {
  /** The top level of the tree, loaded by the route. */
  topUnits: Unit[];
  /** Only system administrators add and edit units. */
  canManage: boolean;
}

export function UnitsPage({ topUnits, canManage }: UnitsPageProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [dialog, setDialog] = useState<UnitDialog | null>(null);
  const actions: UnitActions | undefined = canManage
    ? {
        onAddChild: (parent) => setDialog({ mode: 'create', parent }),
        onEdit: (unit) => setDialog({ mode: 'edit', unit }),
      }
    : undefined;

  return (
    <>
      <PageHeader title={t('units.title')} description={t('units.subtitle')} />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="md">
          <SearchInput
            label={t('units.search')}
            placeholder={t('units.searchPlaceholder')}
            value={search}
            onSearch={setSearch}
          />
          {search ? (
            <UnitSearchResults q={search} actions={actions} />
          ) : (
            <UnitList units={topUnits} depth={0} actions={actions} label={t('units.tree')} />
          )}
        </Stack>
      </Paper>
      {dialog && (
        <UnitFormModal
          key={dialog.mode === 'create' ? `new-${dialog.parent.id}` : dialog.unit.id}
          dialog={dialog}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}

function UnitSearchResults({ q, actions }: { q: string; actions?: UnitActions }) {
  const { t } = useTranslation();
  const results = useQuery(unitSearchQueryOptions(q));
  if (results.isError) return <ProblemAlert error={results.error} onRetry={() => void results.refetch()} />;
  if (results.isPending) return <Text c="dimmed">{t('common.loading')}</Text>;
  if (results.data.length === 0) return <Text c="dimmed">{t('units.noResults')}</Text>;
  return <UnitList units={results.data} depth={0} actions={actions} label={t('units.searchResults')} />;
}
