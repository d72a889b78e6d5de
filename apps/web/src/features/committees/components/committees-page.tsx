import { Center, Group, Loader, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { SearchInput } from '../../../components/search-input.tsx';
import { type CommitteesSearch, committeesQueryOptions, treeRoots } from '../api.ts';
import { CommitteeList } from './committee-tree.tsx';

interface CommitteesPageProps {
  search: CommitteesSearch;
  onSearchChange: (search: CommitteesSearch) => void;
}

/**
 * Ban Chỉ đạo: the committees I may see as a tree across levels, a search over all of them, and "mine" (the
 * committees I sit on).
 */
export function CommitteesPage({ search, onSearchChange }: CommitteesPageProps) {
  const { t } = useTranslation();
  const flat = !!search.q || !!search.mine;
  const committees = useQuery(committeesQueryOptions({ q: search.q, mine: search.mine }));
  const rows = committees.data ? (flat ? committees.data : treeRoots(committees.data)) : [];

  return (
    <>
      <PageHeader title={t('committees.title')} description={t('committees.subtitle')} />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="md">
          <Group align="flex-end" gap="md" wrap="wrap">
            <div style={{ flex: '1 1 16rem' }}>
              <SearchInput
                label={t('committees.search')}
                placeholder={t('committees.searchPlaceholder')}
                value={search.q ?? ''}
                onSearch={(q) => onSearchChange({ ...search, q: q || undefined })}
              />
            </div>
            <SegmentedControl
              aria-label={t('committees.scope')}
              value={search.mine ? 'mine' : 'all'}
              onChange={(value) => onSearchChange({ ...search, mine: value === 'mine' ? true : undefined })}
              data={[
                { value: 'all', label: t('committees.scopeAll') },
                { value: 'mine', label: t('committees.scopeMine') },
              ]}
            />
          </Group>
          {committees.isError && (
            <ProblemAlert error={committees.error} onRetry={() => void committees.refetch()} />
          )}
          {committees.isPending && (
            <Center py="xl">
              <Loader aria-label={t('common.loading')} />
            </Center>
          )}
          {committees.data &&
            (rows.length === 0 ? (
              <Text c="dimmed" py="md" ta="center">
                {search.mine && !search.q ? t('committees.emptyMine') : t('committees.empty')}
              </Text>
            ) : (
              <div style={{ opacity: committees.isPlaceholderData ? 0.6 : 1 }}>
                <CommitteeList
                  committees={rows}
                  depth={0}
                  flat={flat}
                  label={
                    search.q
                      ? t('committees.results')
                      : search.mine
                        ? t('committees.mine')
                        : t('committees.tree')
                  }
                />
              </div>
            ))}
        </Stack>
      </Paper>
    </>
  );
}
