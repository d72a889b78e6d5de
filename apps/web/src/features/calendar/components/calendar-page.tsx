import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Center,
  Group,
  List,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { CreateCalendarOverrideBody, OverrideKind } from '@steerco/contract/calendar';
import { formatDate, todayInVietnam } from '@steerco/contract/datetime';
import { IconChevronLeft, IconChevronRight, IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { DateField } from '../../../components/date-field.tsx';
import { ModalForm } from '../../../components/modal-form.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { mondayFirstWeekday } from '../../../lib/dates.ts';
import { problemOutsideFields, setFieldErrorsFromProblem } from '../../../lib/form-problem.ts';
import { schemaErrors, textOrNull } from '../../../lib/schema-errors.ts';
import {
  type CalendarOverride,
  type CreateOverride,
  currentYear,
  holidayYearQueryOptions,
  overridesQueryOptions,
  useAddOverride,
  useRemoveOverride,
  yearDaysQueryOptions,
} from '../api.ts';
import { breakDates, holidayBreaks } from '../calendar.ts';
import { MonthGrid, WEEKDAYS } from './month-grid.tsx';

interface CalendarPageProps {
  /** The year on screen; this year when absent. */
  year?: number;
  onYearChange: (year: number) => void;
  /** Only system administrators add and remove local adjustments. */
  canManage: boolean;
}

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

const LEGEND = [
  'holiday',
  'breakWeekend',
  'compensatory',
  'swappedWorkday',
  'weekend',
  'override',
  'today',
] as const;

/**
 * Lịch làm việc (everyone reads it; system administrators adjust it): the year as twelve Monday-first months coloured by kind of day, its holiday breaks
 * and days off with their names and source documents, and the local adjustments.
 */
export function CalendarPage({ year: requestedYear, onYearChange, canManage }: CalendarPageProps) {
  const { t } = useTranslation();
  const year = requestedYear ?? currentYear();
  const today = todayInVietnam();
  const days = useQuery(yearDaysQueryOptions(year));
  const holidays = useQuery(holidayYearQueryOptions(year));
  const overrides = useQuery(overridesQueryOptions);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<CalendarOverride | null>(null);

  const error = days.error ?? holidays.error ?? overrides.error;
  const yearOverrides = (overrides.data ?? []).filter((o) => o.date.startsWith(`${year}-`));
  const breaks = days.data ? holidayBreaks(days.data) : [];
  const inBreak = breakDates(breaks);
  const dayMap = new Map((days.data ?? []).map((d) => [d.date, d]));
  const overrideMap = new Map(yearOverrides.map((o) => [o.date, o]));
  const weekdayOf = (date: string) => t(`calendar.weekdays.${WEEKDAYS[mondayFirstWeekday(date)]!}`);
  const years = Array.from({ length: 11 }, (_, i) => currentYear() - 5 + i);
  if (!years.includes(year)) years.push(year);

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        description={t('calendar.subtitle')}
        actions={
          <Group gap={4} wrap="nowrap">
            <Tooltip label={t('calendar.prevYear')} withArrow>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('calendar.prevYear')}
                onClick={() => onYearChange(year - 1)}
              >
                <IconChevronLeft size={18} />
              </ActionIcon>
            </Tooltip>
            <Select
              aria-label={t('calendar.year')}
              value={String(year)}
              onChange={(value) => value && onYearChange(Number(value))}
              data={years.sort((a, b) => a - b).map(String)}
              allowDeselect={false}
              w={100}
            />
            <Tooltip label={t('calendar.nextYear')} withArrow>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('calendar.nextYear')}
                onClick={() => onYearChange(year + 1)}
              >
                <IconChevronRight size={18} />
              </ActionIcon>
            </Tooltip>
          </Group>
        }
      />
      {error && (
        <ProblemAlert error={error} onRetry={() => void Promise.all([days.refetch(), holidays.refetch()])} />
      )}
      {days.isPending && !error && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {days.data && (
        <Stack gap="lg">
          <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
            <Group gap="md" wrap="wrap" aria-label={t('calendar.legend')} role="list">
              {LEGEND.map((tone) => (
                <Group key={tone} gap={6} wrap="nowrap" role="listitem">
                  <span
                    className={`cal-swatch ${tone === 'override' ? 'cal-override' : tone === 'today' ? 'cal-today' : `cal-${tone}`}`}
                    aria-hidden
                  />
                  <Text size="sm">{t(`calendar.kinds.${tone}`)}</Text>
                </Group>
              ))}
            </Group>
          </Paper>
          <section aria-label={t('calendar.yearView', { year })}>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 4 }} spacing="sm">
              {MONTHS.map((month) => (
                <MonthGrid
                  key={month}
                  year={year}
                  month={month}
                  days={dayMap}
                  breaks={inBreak}
                  overrides={overrideMap}
                  today={today}
                />
              ))}
            </SimpleGrid>
          </section>

          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Stack gap="md">
              <Section title={t('calendar.breaks')}>
                {breaks.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('calendar.noBreaks')}
                  </Text>
                ) : (
                  <List spacing={4} size="sm" aria-label={t('calendar.breaks')}>
                    {breaks.map((b) => (
                      <List.Item key={b.from}>
                        <Text span fw={600} size="sm">
                          {b.name}
                        </Text>
                        {': '}
                        {t('calendar.breakSummary', {
                          from: formatDate(b.from),
                          to: formatDate(b.to),
                          count: b.days,
                        })}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Section>
              <Section title={t('calendar.swappedWorkdays')}>
                {holidays.data?.swappedWorkdays.length ? (
                  <List spacing={4} size="sm">
                    {holidays.data.swappedWorkdays.map((d) => (
                      <List.Item key={d.date}>
                        <Text span fw={600} size="sm">
                          {weekdayOf(d.date)}, {formatDate(d.date)}
                        </Text>
                        {`: ${d.name}`}
                      </List.Item>
                    ))}
                  </List>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('calendar.noSwapped')}
                  </Text>
                )}
              </Section>
              {holidays.data && (
                <Section title={t('calendar.sources')}>
                  <List spacing={4} size="sm">
                    {holidays.data.source.split(';').map((source) => (
                      <List.Item key={source}>{source.trim()}</List.Item>
                    ))}
                  </List>
                </Section>
              )}
            </Stack>
            <Section title={t('calendar.daysOff')}>
              {holidays.data && (
                <Table.ScrollContainer minWidth={360}>
                  <Table striped verticalSpacing={6} aria-label={t('calendar.daysOffCaption', { year })}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('calendar.columns.date')}</Table.Th>
                        <Table.Th>{t('calendar.columns.weekday')}</Table.Th>
                        <Table.Th>{t('calendar.columns.name')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {holidays.data.daysOff.map((d) => (
                        <Table.Tr key={d.date}>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(d.date)}</Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{weekdayOf(d.date)}</Table.Td>
                          <Table.Td>
                            <Group gap={6} wrap="wrap">
                              <Text size="sm">{d.name}</Text>
                              {d.kind === 'compensatory' && (
                                <Badge color="orange">{t('calendar.kinds.compensatory')}</Badge>
                              )}
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Section>
          </SimpleGrid>

          <Section
            title={t('calendar.overrides')}
            actions={
              canManage && (
                <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
                  {t('calendar.addOverride')}
                </Button>
              )
            }
          >
            <Text size="sm" c="dimmed" mb="sm">
              {t('calendar.overridesHint')}
            </Text>
            {!canManage && (
              <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} mb="sm">
                {t('calendar.onlySystemAdmin')}
              </Alert>
            )}
            {yearOverrides.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('calendar.noOverrides', { year })}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table striped verticalSpacing={6} aria-label={t('calendar.overridesCaption', { year })}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('calendar.columns.date')}</Table.Th>
                      <Table.Th>{t('calendar.columns.kind')}</Table.Th>
                      <Table.Th>{t('calendar.columns.name')}</Table.Th>
                      <Table.Th>{t('calendar.columns.source')}</Table.Th>
                      <Table.Th>{t('calendar.columns.createdBy')}</Table.Th>
                      {canManage && <Table.Th w={1}>{t('calendar.columns.actions')}</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {yearOverrides.map((o) => (
                      <Table.Tr key={o.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {weekdayOf(o.date)}, {formatDate(o.date)}
                        </Table.Td>
                        <Table.Td>
                          <Badge color="violet">{t(`calendar.overrideKinds.${o.kind}`)}</Badge>
                        </Table.Td>
                        <Table.Td>{o.name}</Table.Td>
                        <Table.Td>{o.source ?? t('common.notSet')}</Table.Td>
                        <Table.Td>{o.createdBy ?? t('common.notSet')}</Table.Td>
                        {canManage && (
                          <Table.Td>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t('calendar.removeOverride', { date: formatDate(o.date) })}
                              onClick={() => setRemoving(o)}
                            >
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Section>
        </Stack>
      )}
      {adding && <OverrideFormModal year={year} onClose={() => setAdding(false)} />}
      {removing && <RemoveOverrideDialog override={removing} onClose={() => setRemoving(null)} />}
    </>
  );
}

function Section({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-label={title}>
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} fz="h5">
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

const fieldOfCode = { 'calendar.overrideExists': 'date' } as const;

interface OverrideValues {
  date: string | null;
  kind: string;
  name: string;
  source: string;
}

function OverrideFormModal({ year, onClose }: { year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddOverride();
  const today = todayInVietnam();
  const bodyOf = (values: OverrideValues) => ({
    date: values.date ?? undefined,
    kind: values.kind,
    name: values.name.trim(),
    source: textOrNull(values.source),
  });
  const form = useForm<OverrideValues>({
    initialValues: {
      date: today.startsWith(`${year}-`) ? today : `${year}-01-01`,
      kind: 'dayOff',
      name: '',
      source: '',
    },
    validate: (values) => schemaErrors(CreateCalendarOverrideBody, bodyOf(values), t),
  });
  const submit = form.onSubmit((values) =>
    add.mutate(bodyOf(values) as CreateOverride, {
      onSuccess: (override) => {
        notifications.show({
          color: 'green',
          message: t('calendar.added', { date: formatDate(override.date) }),
        });
        onClose();
      },
      onError: (error) => setFieldErrorsFromProblem(form, error, fieldOfCode),
    }),
  );
  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t('calendar.form.title')}
      onSubmit={submit}
      submitLabel={t('calendar.form.submit')}
      submitting={add.isPending}
      error={problemOutsideFields(add.error, fieldOfCode)}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <DateField
          label={t('calendar.form.date')}
          withAsterisk
          value={form.values.date}
          onChange={(date) => form.setFieldValue('date', date)}
          error={form.errors.date}
        />
        <Select
          label={t('calendar.form.kind')}
          withAsterisk
          allowDeselect={false}
          data={OverrideKind.options.map((kind) => ({
            value: kind,
            label: t(`calendar.overrideKinds.${kind}`),
          }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('kind')}
        />
      </SimpleGrid>
      <TextInput
        label={t('calendar.form.name')}
        placeholder={t('calendar.form.namePlaceholder')}
        withAsterisk
        {...form.getInputProps('name')}
      />
      <TextInput
        label={t('calendar.form.source')}
        placeholder={t('calendar.form.sourcePlaceholder')}
        {...form.getInputProps('source')}
      />
    </ModalForm>
  );
}

function RemoveOverrideDialog({ override, onClose }: { override: CalendarOverride; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useRemoveOverride();
  const date = formatDate(override.date);
  return (
    <ConfirmDialog
      opened
      title={t('calendar.removeTitle')}
      confirmLabel={t('calendar.removeConfirm')}
      danger
      pending={remove.isPending}
      error={remove.error}
      onClose={onClose}
      onConfirm={() =>
        remove.mutate(override.id, {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('calendar.removed', { date }) });
            onClose();
          },
        })
      }
    >
      {t('calendar.removeBody', { date, name: override.name })}
    </ConfirmDialog>
  );
}
