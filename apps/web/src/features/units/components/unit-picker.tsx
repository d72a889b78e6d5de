import { Group, Loader, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Unit } from '@steerco/contract/units';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitSearchQueryOptions } from '../api.ts';

/** What the picker needs to show a unit already chosen, e.g. a user's `unitId` and `unitName`. */
export interface PickedUnit {
  id: string;
  name: string;
}

interface UnitPickerProps {
  label: string;
  value: string | null;
  onChange: (unitId: string | null) => void;
  initialUnit?: PickedUnit | null;
  error?: ReactNode;
  withAsterisk?: boolean;
}

/** Chooses a unit by typing part of its name or code; the search runs on the server (`/units?q=`). */
export function UnitPicker({ label, value, onChange, initialUnit, error, withAsterisk }: UnitPickerProps) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<PickedUnit | null>(initialUnit ?? null);
  const [search, setSearch] = useState(initialUnit?.name ?? '');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  // Once a unit is chosen the box shows its name; that is not a new search.
  const searching = debouncedSearch !== '' && debouncedSearch !== picked?.name;
  const results = useQuery({ ...unitSearchQueryOptions(debouncedSearch), enabled: searching });

  const found: Unit[] = searching ? (results.data ?? []) : [];
  const options = new Map<string, { value: string; label: string; unit?: Unit }>();
  if (picked) options.set(picked.id, { value: picked.id, label: picked.name });
  for (const unit of found) options.set(unit.id, { value: unit.id, label: unit.name, unit });

  return (
    <Select
      label={label}
      placeholder={t('users.form.unitPlaceholder')}
      withAsterisk={withAsterisk}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      value={value}
      onChange={(id) => {
        const option = id ? options.get(id) : undefined;
        setPicked(option ? { id: option.value, name: option.label } : null);
        onChange(id);
      }}
      data={[...options.values()].map(({ value, label }) => ({ value, label }))}
      // The server already filtered by name, code and without accents; filtering again here would undo that.
      filter={({ options }) => options}
      renderOption={({ option }) => {
        const unit = options.get(option.value)?.unit;
        return (
          <Group gap={6} wrap="nowrap" justify="space-between" w="100%">
            <Text size="sm">{option.label}</Text>
            {unit && (
              <Text size="xs" c="dimmed">
                {t(`units.levels.${unit.level}`)}
              </Text>
            )}
          </Group>
        );
      }}
      nothingFoundMessage={searching && !results.isFetching ? t('users.form.unitNothingFound') : undefined}
      rightSection={results.isFetching ? <Loader size="xs" /> : undefined}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
