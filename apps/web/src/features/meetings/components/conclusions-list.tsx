import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { formatDate } from '@steerco/contract/datetime';
import { useTranslation } from 'react-i18next';
import { domainShort } from '../../committees/components/committee-badges.tsx';
import type { MeetingView, MinutesView } from '../api.ts';
import { useConclusionLeads } from '../hooks/use-conclusion-leads.ts';

/** The conclusions as approved or submitted (R13): each with its domain and its tasks, lead and deadline. */
export function ConclusionsList({ meeting, minutes }: { meeting: MeetingView; minutes: MinutesView }) {
  const { t } = useTranslation();
  const leads = useConclusionLeads(meeting);
  const label = (list: { value: string; label: string }[], id: string | null | undefined) =>
    list.find((x) => x.value === id)?.label ?? t('common.notSet');
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-label={t('meetings.conclusions.title')}
    >
      <Title order={2} fz="h5" mb="sm">
        {t('meetings.conclusions.title')}
      </Title>
      {minutes.conclusions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('meetings.conclusions.none')}
        </Text>
      ) : (
        <Stack gap="sm" component="ol" style={{ margin: 0, paddingLeft: 20 }}>
          {minutes.conclusions.map((c) => (
            <li key={c.id}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {c.text}
                </Text>
                {c.domain && <Badge variant="light">{domainShort(c.domain)}</Badge>}
              </Group>
              {c.tasks.length > 0 && (
                <Stack
                  gap={4}
                  mt={4}
                  component="ul"
                  style={{ paddingLeft: 18, margin: 0 }}
                  aria-label={t('meetings.conclusions.tasksOf')}
                >
                  {c.tasks.map((task) => (
                    <Text component="li" size="sm" key={`${c.id}:${task.title}`}>
                      {t('meetings.conclusions.taskLine', {
                        title: task.title,
                        lead: task.leadMembershipId
                          ? label(leads.members, task.leadMembershipId)
                          : label(leads.units, task.leadUnitId),
                        deadline: task.deadline ? formatDate(task.deadline) : t('common.notSet'),
                      })}
                      {task.cooperatingUnitIds?.length
                        ? ` ${t('meetings.conclusions.cooperatingLine', {
                            units: task.cooperatingUnitIds.map((id) => label(leads.units, id)).join(', '),
                          })}`
                        : ''}
                    </Text>
                  ))}
                </Stack>
              )}
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
