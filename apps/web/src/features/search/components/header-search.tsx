import { Combobox, Group, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefOfHit, SEARCH_GROUPS, searchQueryOptions } from '../api.ts';

/**
 * The header's search box: meetings, tasks, documents, committees and people, typed with or without accents,
 * grouped by kind. Arrow keys move through the results, Enter opens one, Escape closes the list.
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const [settled] = useDebouncedValue(value.trim(), 250);
  const combobox = useCombobox({
    onDropdownClose: () => combobox.resetSelectedOption(),
  });
  const results = useQuery(searchQueryOptions(settled));
  const data = settled.length >= 2 ? results.data : undefined;
  const total = data ? SEARCH_GROUPS.reduce((n, g) => n + data[g].length, 0) : 0;

  const groups = data
    ? SEARCH_GROUPS.filter((g) => data[g].length > 0).map((group) => (
        <Combobox.Group key={group} label={t(`search.groups.${group}`)}>
          {data[group].map((hit) => (
            <Combobox.Option value={hrefOfHit(group, hit)} key={`${group}:${hit.id}`}>
              <Text size="sm" fw={500} lineClamp={2}>
                {hit.title}
              </Text>
              {hit.subtitle && (
                <Text size="xs" c="gray.7" lineClamp={1}>
                  {hit.subtitle}
                </Text>
              )}
            </Combobox.Option>
          ))}
        </Combobox.Group>
      ))
    : [];

  return (
    <Combobox
      store={combobox}
      width={440}
      position="bottom-end"
      shadow="md"
      withinPortal
      onOptionSubmit={(href) => {
        combobox.closeDropdown();
        setValue('');
        void navigate({ href });
      }}
    >
      <Combobox.Target>
        <TextInput
          value={value}
          onChange={(event) => {
            setValue(event.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(event) => {
            // Enter with nothing chosen opens the first result.
            if (event.key === 'Enter' && combobox.getSelectedOptionIndex() < 0 && total > 0) {
              combobox.selectFirstOption();
            }
          }}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={results.isFetching && settled.length >= 2 ? <Loader size={14} /> : null}
          w={{ base: 150, xs: 220, md: 340 }}
          type="search"
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={value.trim().length === 0}>
        <Combobox.Options mah={480} style={{ overflowY: 'auto' }}>
          {value.trim().length < 2 ? (
            <Combobox.Empty>{t('search.tooShort')}</Combobox.Empty>
          ) : results.isError ? (
            <Combobox.Empty>{t('search.failed')}</Combobox.Empty>
          ) : data && total === 0 ? (
            <Combobox.Empty>{t('search.empty')}</Combobox.Empty>
          ) : (
            groups
          )}
        </Combobox.Options>
        <Combobox.Footer>
          <Group gap={4}>
            <Text size="xs" c="gray.7">
              {t('search.hint')}
            </Text>
          </Group>
        </Combobox.Footer>
      </Combobox.Dropdown>
    </Combobox>
  );
}
