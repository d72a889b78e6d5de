import { Group, Loader, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Candidate } from '@steerco/contract/memberships';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasProblemCode } from '../../../api/problem.ts';
import { SampleBadge } from '../../../components/sample-badge.tsx';
import { candidateSearchQueryOptions, userSearchQueryOptions } from '../api.ts';

/** What the picker shows of a person; both an account and a committee candidate have it. */
export type PersonOption = Pick<
  Candidate,
  'id' | 'username' | 'fullName' | 'position' | 'unitName' | 'isSample'
>;

interface UserPickerProps {
  label: string;
  value: string | null;
  onChange: (user: PersonOption | null) => void;
  /**
   * Search the people a committee's secretary may add or propose (`GET /committees/{id}/candidates`), instead
   * of the account list only administrators may search.
   */
  committeeId?: string;
  error?: ReactNode;
  withAsterisk?: boolean;
  description?: ReactNode;
  /** People who cannot be chosen here (already members), shown greyed out with `excludedLabel`. */
  excludedIds?: Set<string>;
  excludedLabel?: string;
}

/**
 * Chooses a person by typing part of a name, username or email; the search runs on the server
 * (`GET /users?q=`, or the committee's candidates; accents ignored). Who may search is the server's decision:
 * when it refuses, the picker says so instead of showing an empty list.
 */
export function UserPicker({
  label,
  value,
  onChange,
  error,
  withAsterisk,
  description,
  excludedIds,
  excludedLabel,
  committeeId,
}: UserPickerProps) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<PersonOption | null>(null);
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const searching = debouncedSearch !== '' && debouncedSearch !== picked?.fullName;
  const users = useQuery({
    ...userSearchQueryOptions(debouncedSearch),
    enabled: searching && !committeeId,
    retry: false,
  });
  const candidates = useQuery({
    ...candidateSearchQueryOptions(committeeId ?? '', debouncedSearch),
    enabled: searching && !!committeeId,
    retry: false,
  });
  const results = committeeId ? candidates : users;
  const forbidden = hasProblemCode(results.error, 'permission.denied');

  const options = new Map<string, PersonOption>();
  if (picked) options.set(picked.id, picked);
  for (const user of searching ? (results.data ?? []) : []) options.set(user.id, user);

  return (
    <Select
      label={label}
      description={description}
      placeholder={t('people.placeholder')}
      withAsterisk={withAsterisk}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      value={value}
      onChange={(id) => {
        const user = id ? (options.get(id) ?? null) : null;
        setPicked(user);
        onChange(user);
      }}
      data={[...options.values()].map((user) => ({
        value: user.id,
        label: user.fullName,
        disabled: excludedIds?.has(user.id) ?? false,
      }))}
      // The server already matched names, usernames and emails without accents; filtering again would undo it.
      filter={({ options }) => options}
      renderOption={({ option }) => {
        const user = options.get(option.value);
        if (!user) return option.label;
        return (
          <Stack gap={0} w="100%">
            <Group gap={6} wrap="nowrap" justify="space-between">
              <Text size="sm" fw={500}>
                {user.fullName}
              </Text>
              {user.isSample && <SampleBadge />}
            </Group>
            <Text size="xs" c="dimmed">
              {[user.username, user.position, user.unitName].filter(Boolean).join(' · ')}
              {excludedIds?.has(user.id) && excludedLabel ? ` · ${excludedLabel}` : ''}
            </Text>
          </Stack>
        );
      }}
      nothingFoundMessage={
        forbidden
          ? t('people.forbidden')
          : searching && !results.isFetching && results.isSuccess
            ? t('people.nothingFound')
            : undefined
      }
      rightSection={results.isFetching ? <Loader size="xs" /> : undefined}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
