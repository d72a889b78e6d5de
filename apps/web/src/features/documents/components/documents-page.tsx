import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import type { OfficialDocument } from '@steerco/contract/documents';
import { IconFileImport, IconFilePlus, IconFiles } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { SearchInput } from '../../../components/search-input.tsx';
import { committeeQueryOptions, committeesQueryOptions } from '../../committees/api.ts';
import { type DocumentsSearch, documentsQueryOptions } from '../api.ts';
import { DOCUMENT_TYPE_KEYS, formatIsoDate } from '../documents.ts';
import { DocumentStatusBadge } from './document-badges.tsx';
import { DraftModal } from './draft-modal.tsx';
import { IncomingModal } from './incoming-modal.tsx';

interface DocumentsPageProps {
  search: DocumentsSearch;
  onSearchChange: (search: DocumentsSearch) => void;
}

/**
 * Văn bản: the committee's register (sổ văn bản) of outgoing and incoming documents, filtered by type, direction,
 * number, date range, issuer and full text (with or without diacritics); the standing agency drafts documents
 * and registers the directives received.
 */
export function DocumentsPage({ search, onSearchChange }: DocumentsPageProps) {
  const { t } = useTranslation();
  const mine = useQuery(committeesQueryOptions({ mine: true }));
  const all = useQuery({ ...committeesQueryOptions({}), enabled: mine.data?.length === 0 });
  const committees = mine.data?.length ? mine.data : (all.data ?? []);
  const committeeId = search.ban ?? (committees.length === 1 ? committees[0]!.id : undefined);
  const committee = useQuery({ ...committeeQueryOptions(committeeId ?? ''), enabled: !!committeeId });
  const canManage = !!committee.data?.myPermissions.includes('document.manage');
  const list = useQuery({ ...documentsQueryOptions(committeeId ?? '', search), enabled: !!committeeId });
  const [drafting, setDrafting] = useState(false);
  const [receiving, setReceiving] = useState(false);
  const set = (patch: Partial<DocumentsSearch>) => onSearchChange({ ...search, ...patch });
  const filtered = Object.entries(search).some(([k, v]) => k !== 'ban' && v !== undefined);

  return (
    <>
      <PageHeader
        title={t('documents.title')}
        description={t('documents.subtitle')}
        actions={
          canManage &&
          committeeId && (
            <>
              <Button
                variant="default"
                leftSection={<IconFileImport size={16} />}
                onClick={() => setReceiving(true)}
              >
                {t('documents.actions.incoming')}
              </Button>
              <Button leftSection={<IconFilePlus size={16} />} onClick={() => setDrafting(true)}>
                {t('documents.actions.newDraft')}
              </Button>
            </>
          )
        }
      />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
            <Select
              label={t('documents.filters.committee')}
              data={committees.map((c) => ({ value: c.id, label: c.name }))}
              value={committeeId ?? null}
              onChange={(ban) => set({ ban: ban ?? undefined })}
              searchable
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('documents.filters.type')}
              placeholder={t('documents.filters.allTypes')}
              data={DOCUMENT_TYPE_KEYS.map((k) => ({ value: k, label: t(`documents.types.${k}`) }))}
              value={search.loai ?? null}
              onChange={(loai) => set({ loai: (loai as DocumentsSearch['loai']) ?? undefined })}
              clearable
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('documents.filters.direction')}
              placeholder={t('documents.filters.allDirections')}
              data={(['outgoing', 'incoming'] as const).map((d) => ({
                value: d,
                label: t(`documents.direction.${d}`),
              }))}
              value={search.chieu ?? null}
              onChange={(chieu) => set({ chieu: (chieu as DocumentsSearch['chieu']) ?? undefined })}
              clearable
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label={t('documents.filters.number')}
              placeholder={t('documents.filters.numberPlaceholder')}
              defaultValue={search.so ?? ''}
              onBlur={(e) => set({ so: e.currentTarget.value.trim() || undefined })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') set({ so: e.currentTarget.value.trim() || undefined });
              }}
            />
            <DateField
              label={t('documents.filters.from')}
              value={search.tu ?? null}
              onChange={(tu) => set({ tu: tu ?? undefined })}
            />
            <DateField
              label={t('documents.filters.to')}
              value={search.den ?? null}
              onChange={(den) => set({ den: den ?? undefined })}
            />
            <SearchInput
              label={t('documents.filters.issuer')}
              placeholder={t('documents.filters.issuerPlaceholder')}
              value={search.noiBanHanh ?? ''}
              onSearch={(v) => set({ noiBanHanh: v || undefined })}
            />
            <SearchInput
              label={t('documents.filters.q')}
              placeholder={t('documents.filters.qPlaceholder')}
              value={search.q ?? ''}
              onSearch={(q) => set({ q: q || undefined })}
            />
          </SimpleGrid>
          {filtered && (
            <Group justify="flex-end">
              <Button variant="subtle" size="xs" onClick={() => onSearchChange({ ban: search.ban })}>
                {t('documents.filters.clear')}
              </Button>
            </Group>
          )}
          {!committeeId && <Text c="dimmed">{t('documents.chooseCommittee')}</Text>}
          {list.isError && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
          {committeeId && list.isPending && (
            <Center py="xl">
              <Loader />
            </Center>
          )}
          {list.data && list.data.items.length === 0 && (
            <EmptyState icon={<IconFiles size={28} />} title={t('documents.empty')}>
              {t('documents.emptyHint')}
            </EmptyState>
          )}
          {list.data && list.data.items.length > 0 && (
            <>
              <Text size="sm" c="dimmed">
                {t('documents.count', { count: list.data.total })}
              </Text>
              <Box visibleFrom="sm">
                <RegistryTable items={list.data.items} />
              </Box>
              <Stack gap="sm" hiddenFrom="sm">
                {list.data.items.map((d) => (
                  <RegistryCard key={d.id} doc={d} />
                ))}
              </Stack>
            </>
          )}
        </Stack>
      </Paper>
      {committeeId && (
        <>
          <DraftModal committeeId={committeeId} opened={drafting} onClose={() => setDrafting(false)} />
          <IncomingModal committeeId={committeeId} opened={receiving} onClose={() => setReceiving(false)} />
        </>
      )}
    </>
  );
}

/** One document of the register as a card, on phones. */
function RegistryCard({ doc: d }: { doc: OfficialDocument }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="sm">
      <Group justify="space-between" gap="xs" mb={4}>
        <Text size="sm" fw={600}>
          {d.numberText ?? '—'}
          {d.issuedOn ? ` · ${formatIsoDate(d.issuedOn)}` : ''}
        </Text>
        <DocumentStatusBadge status={d.status} />
      </Group>
      <Anchor component={Link} to={`/van-ban/${d.id}`}>
        {d.title}
      </Anchor>
      <Text size="xs" c="dimmed" mt={4}>
        {d.type ? t(`documents.types.${d.type}`) : t('documents.direction.incoming')}
        {d.issuer ? ` · ${d.issuer}` : ''}
      </Text>
    </Card>
  );
}

function RegistryTable({ items }: { items: OfficialDocument[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('documents.columns.number')}</Table.Th>
            <Table.Th>{t('documents.columns.date')}</Table.Th>
            <Table.Th>{t('documents.columns.type')}</Table.Th>
            <Table.Th>{t('documents.columns.title')}</Table.Th>
            <Table.Th>{t('documents.columns.issuer')}</Table.Th>
            <Table.Th>{t('documents.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.numberText ?? '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatIsoDate(d.issuedOn) || '—'}</Table.Td>
              <Table.Td>
                {d.type ? (
                  t(`documents.types.${d.type}`)
                ) : (
                  <Badge variant="light" color="grape">
                    {t('documents.direction.incoming')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/van-ban/${d.id}`}>
                  {d.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {d.issuer ?? (d.direction === 'outgoing' ? t('documents.direction.outgoing') : '—')}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <DocumentStatusBadge status={d.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
