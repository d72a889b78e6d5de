import {
  Button,
  Collapse,
  Grid,
  Group,
  Paper,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { DerivedTaskStatus, TaskSourceKind, TaskStatus } from '@steerco/contract/tasks';
import {
  DerivedTaskStatus as DerivedEnum,
  TaskSourceKind as SourceEnum,
  TaskStatus as StatusEnum,
} from '@steerco/contract/tasks';
import {
  IconAdjustmentsHorizontal,
  IconChecklist,
  IconFileSpreadsheet,
  IconFilterOff,
  IconPlus,
} from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { SearchInput } from '../../../components/search-input.tsx';
import { committeeQueryOptions, committeesQueryOptions, membersQueryOptions } from '../../committees/api.ts';
import { domainShort } from '../../committees/components/committee-badges.tsx';
import { committeeTasksQueryOptions, myTasksQueryOptions, tasksExportUrl } from '../api.ts';
import {
  filtersOf,
  hasFilters,
  MY_TASK_COUNTERS,
  MY_TASKS_ROLES,
  type MyTaskCounter,
  type MyTasksRole,
  type TasksSearch,
} from '../tasks.ts';
import { CreateTaskModal } from './create-task-modal.tsx';
import { TaskCounters } from './task-counters.tsx';
import { SubtreeCounters } from './task-hierarchy.tsx';
import { TaskList } from './task-list.tsx';
import { TaskStatsPanel } from './task-stats.tsx';

interface TasksPageProps {
  search: TasksSearch;
  onSearchChange: (search: TasksSearch) => void;
}

type View = 'mine' | 'committee';

/**
 * Nhiệm vụ: "my tasks" (as lead, co-operating, reviewer) with live counters, or a committee's list with its
 * filters, Excel export and statistics (`?ban=`).
 */
export function TasksPage({ search, onSearchChange }: TasksPageProps) {
  const { t } = useTranslation();
  const mine = useQuery(committeesQueryOptions({ mine: true }));
  const all = useQuery({ ...committeesQueryOptions({}), enabled: mine.data?.length === 0 });
  const committees = mine.data?.length ? mine.data : (all.data ?? []);
  const view: View = search.ban ? 'committee' : 'mine';
  const committee = useQuery({ ...committeeQueryOptions(search.ban ?? ''), enabled: !!search.ban });
  const canManage = !!committee.data?.myPermissions.includes('task.manage');
  const [creating, setCreating] = useState(false);

  const switchView = (next: View) => {
    if (next === view) return;
    if (next === 'mine') onSearchChange({});
    else onSearchChange({ ban: committees[0]?.id });
  };

  return (
    <>
      <PageHeader
        title={t('tasks.title')}
        description={t('tasks.subtitle')}
        actions={
          view === 'committee' &&
          canManage && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t('tasks.create.open')}
            </Button>
          )
        }
      />
      <Tabs value={view} onChange={(v) => v && switchView(v as View)} keepMounted={false} mb="md">
        {/* On a phone the two tabs stay on one line and the bar scrolls sideways. */}
        <ScrollArea type="auto" offsetScrollbars="x" scrollbarSize={6}>
          <Tabs.List aria-label={t('tasks.views.label')} style={{ flexWrap: 'nowrap' }}>
            <Tabs.Tab value="mine" style={{ whiteSpace: 'nowrap' }}>
              {t('tasks.views.mine')}
            </Tabs.Tab>
            <Tabs.Tab value="committee" disabled={!committees.length} style={{ whiteSpace: 'nowrap' }}>
              {t('tasks.views.committee')}
            </Tabs.Tab>
          </Tabs.List>
        </ScrollArea>
      </Tabs>
      {view === 'mine' ? (
        <MyTasksView search={search} onSearchChange={onSearchChange} />
      ) : (
        <CommitteeTasksView
          search={search}
          onSearchChange={onSearchChange}
          committees={committees.map((c) => ({ value: c.id, label: c.name }))}
        />
      )}
      {creating && committee.data && (
        <CreateTaskModal committee={committee.data} onClose={() => setCreating(false)} />
      )}
    </>
  );
}

/** Which counter a list's filters correspond to, to highlight it. */
function activeCounter(search: TasksSearch, role: MyTasksRole): MyTaskCounter | undefined {
  if (search.derived) return search.derived as MyTaskCounter;
  if (role === 'reviewer') return 'reviewer';
  if (!search.status) return 'open';
  return undefined;
}

function MyTasksView({ search, onSearchChange }: TasksPageProps) {
  const { t } = useTranslation();
  const role = search.role ?? 'all';
  const list = useInfiniteQuery(myTasksQueryOptions(role, filtersOf(search)));
  return (
    <Stack gap="md">
      <TaskCounters
        counters={MY_TASK_COUNTERS}
        role={role === 'reviewer' ? 'all' : role}
        active={activeCounter(search, role)}
        onSelect={(counter) =>
          onSearchChange(
            counter === 'reviewer'
              ? { role: 'reviewer' }
              : counter === 'open'
                ? { role: search.role === 'reviewer' ? undefined : search.role }
                : {
                    role: search.role === 'reviewer' ? undefined : search.role,
                    derived: counter as DerivedTaskStatus,
                  },
          )
        }
      />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
            <Select
              label={t('tasks.roles.label')}
              data={MY_TASKS_ROLES.map((r) => ({ value: r, label: t(`tasks.roles.${r}`) }))}
              value={role}
              onChange={(r) =>
                onSearchChange({ ...search, role: !r || r === 'all' ? undefined : (r as MyTasksRole) })
              }
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <SearchInput
              label={t('tasks.filters.search')}
              placeholder={t('tasks.filters.searchPlaceholder')}
              value={search.q ?? ''}
              onSearch={(q) => onSearchChange({ ...search, q: q || undefined })}
            />
            <StatusSelect search={search} onSearchChange={onSearchChange} />
            <DerivedSelect search={search} onSearchChange={onSearchChange} />
          </SimpleGrid>
          <TaskList
            query={list}
            emptyIcon={<IconChecklist size={28} />}
            emptyTitle={hasFilters(search) ? t('tasks.list.empty') : t('tasks.list.emptyMine')}
            emptyHint={hasFilters(search) ? undefined : t('tasks.list.emptyMineHint')}
          />
        </Stack>
      </Paper>
    </Stack>
  );
}

function StatusSelect({ search, onSearchChange }: TasksPageProps) {
  const { t } = useTranslation();
  const value = search.status ?? (search.derived ? 'all' : 'open');
  return (
    <Select
      label={t('tasks.filters.status')}
      data={[
        { value: 'open', label: t('tasks.filters.openOnly') },
        { value: 'all', label: t('tasks.filters.allStatuses') },
        ...StatusEnum.options.map((s) => ({ value: s, label: t(`tasks.status.${s}`) })),
      ]}
      value={value}
      onChange={(status) =>
        onSearchChange({
          ...search,
          status: !status || status === 'open' ? undefined : (status as TaskStatus | 'all'),
        })
      }
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function DerivedSelect({ search, onSearchChange }: TasksPageProps) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('tasks.filters.derived')}
      placeholder={t('tasks.filters.allDerived')}
      data={DerivedEnum.options.map((d) => ({ value: d, label: t(`tasks.derived.${d}`) }))}
      value={search.derived ?? null}
      onChange={(derived) =>
        onSearchChange({
          ...search,
          derived: (derived as DerivedTaskStatus | null) ?? undefined,
          // "Overdue" among finished tasks finds nothing: a display status brings every status back.
          status: derived && !search.status ? 'all' : search.status,
        })
      }
      clearable
      comboboxProps={{ withinPortal: true }}
    />
  );
}

interface CommitteeViewProps extends TasksPageProps {
  committees: { value: string; label: string }[];
}

function CommitteeTasksView({ search, onSearchChange, committees }: CommitteeViewProps) {
  const { t } = useTranslation();
  const committeeId = search.ban!;
  const committee = useQuery(committeeQueryOptions(committeeId));
  const members = useQuery(membersQueryOptions(committeeId));
  const seats = (members.data ?? []).filter((m) => m.role !== 'guest');
  const units = [
    ...new Map(seats.filter((m) => m.unitId).map((m) => [m.unitId!, m.unitName ?? m.unitId!])).entries(),
  ].map(([value, label]) => ({ value, label }));
  const filters = filtersOf(search);
  const list = useInfiniteQuery(committeeTasksQueryOptions(committeeId, filters));
  const set = (patch: Partial<TasksSearch>) => onSearchChange({ ...search, ...patch });
  // On a phone the less used filters fold away, unless one of them is set.
  const narrow = useMediaQuery('(max-width: 48em)');
  const [moreFilters, setMoreFilters] = useState(false);
  const advancedSet = !!(
    search.domain ||
    search.unit ||
    search.member ||
    search.source ||
    search.from ||
    search.to
  );
  const showMore = !narrow || moreFilters || advancedSet;

  return (
    <Stack gap="lg">
      {!!committee.data?.childCount && <SubtreeCounters committeeId={committeeId} />}
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="md">
          <Grid gutter="md">
            <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
              <Select
                label={t('tasks.filters.committee')}
                placeholder={t('tasks.filters.chooseCommittee')}
                data={committees}
                value={committeeId}
                onChange={(ban) => ban && onSearchChange({ ban })}
                searchable
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
              <SearchInput
                key={committeeId}
                label={t('tasks.filters.search')}
                placeholder={t('tasks.filters.searchPlaceholder')}
                value={search.q ?? ''}
                onSearch={(q) => set({ q: q || undefined })}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
              <StatusSelect search={search} onSearchChange={onSearchChange} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
              <DerivedSelect search={search} onSearchChange={onSearchChange} />
            </Grid.Col>
          </Grid>
          {narrow && !advancedSet && (
            <Button
              variant="subtle"
              leftSection={<IconAdjustmentsHorizontal size={16} />}
              onClick={() => setMoreFilters((o) => !o)}
              aria-expanded={showMore}
              style={{ alignSelf: 'flex-start' }}
            >
              {showMore ? t('tasks.filters.fewer') : t('tasks.filters.more')}
            </Button>
          )}
          <Collapse in={showMore}>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              <Select
                label={t('tasks.filters.domain')}
                placeholder={t('tasks.filters.allDomains')}
                data={(committee.data?.domains ?? []).map((d) => ({
                  value: d.code,
                  label: `${domainShort(d.code)} — ${d.name}`,
                }))}
                value={search.domain ?? null}
                onChange={(domain) => set({ domain: domain ?? undefined })}
                clearable
                comboboxProps={{ withinPortal: true }}
              />
              <Select
                label={t('tasks.filters.unit')}
                placeholder={t('tasks.filters.allUnits')}
                data={units}
                value={search.unit ?? null}
                onChange={(unit) => set({ unit: unit ?? undefined })}
                searchable
                clearable
                comboboxProps={{ withinPortal: true }}
              />
              <Select
                label={t('tasks.filters.member')}
                placeholder={t('tasks.filters.allMembers')}
                data={seats.map((m) => ({ value: m.id, label: m.fullName }))}
                value={search.member ?? null}
                onChange={(member) => set({ member: member ?? undefined })}
                searchable
                clearable
                comboboxProps={{ withinPortal: true }}
              />
              <Select
                label={t('tasks.filters.source')}
                placeholder={t('tasks.filters.allSources')}
                data={SourceEnum.options.map((s) => ({ value: s, label: t(`tasks.sources.${s}`) }))}
                value={search.source ?? null}
                onChange={(source) => set({ source: (source as TaskSourceKind | null) ?? undefined })}
                clearable
                comboboxProps={{ withinPortal: true }}
              />
              <DateField
                label={t('tasks.filters.dueFrom')}
                value={search.from ?? null}
                onChange={(from) => set({ from: from ?? undefined })}
              />
              <DateField
                label={t('tasks.filters.dueTo')}
                value={search.to ?? null}
                onChange={(to) => set({ to: to ?? undefined })}
              />
            </SimpleGrid>
          </Collapse>
          <Group justify="flex-end" gap="sm">
            {hasFilters(search) && (
              <Button
                variant="subtle"
                leftSection={<IconFilterOff size={16} />}
                onClick={() => onSearchChange({ ban: committeeId })}
              >
                {t('tasks.filters.clear')}
              </Button>
            )}
            <Button
              component="a"
              href={tasksExportUrl(committeeId, filters)}
              download
              variant="default"
              leftSection={<IconFileSpreadsheet size={16} />}
            >
              {t('tasks.list.export')}
            </Button>
          </Group>
          <TaskList query={list} emptyIcon={<IconChecklist size={28} />} emptyTitle={t('tasks.list.empty')} />
        </Stack>
      </Paper>
      <TaskStatsPanel committeeId={committeeId} filters={filters} />
    </Stack>
  );
}
