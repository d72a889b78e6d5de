import {
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  MultiSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate, formatDateTime } from '@steerco/contract/datetime';
import { IconFileDownload, IconFlag, IconMessage, IconProgressCheck, IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Fact } from '../../../components/fact.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { RecordPage } from '../../../components/record-page.tsx';
import { committeeQueryOptions, membersQueryOptions } from '../../committees/api.ts';
import { domainShort } from '../../committees/components/committee-badges.tsx';
import { formatFileSize } from '../../meetings/meetings.ts';
import { fileDownloadUrl, type TaskView, useAddComment } from '../api.ts';
import { timelineOf } from '../tasks.ts';
import { TaskActions } from './task-actions.tsx';
import { DerivedStatusBadge, PriorityBadge, ProgressValue, TaskStatusBadge } from './task-badges.tsx';
import { CascadeButton, RollupSection } from './task-hierarchy.tsx';
import { leadName } from './task-list.tsx';

/** One task: its particulars and source, what I may do now, and its story (history, progress, comments). */
export function TaskPage({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  const committee = useQuery(committeeQueryOptions(task.committeeId));
  const none = t('tasks.facts.none');
  return (
    <RecordPage
      back={{ to: '/nhiem-vu', label: t('tasks.back') }}
      title={task.title}
      actions={
        <Group gap={6}>
          <TaskStatusBadge status={task.status} />
          <DerivedStatusBadge derived={task.derivedStatus} />
          <PriorityBadge priority={task.priority} />
        </Group>
      }
    >
      <Stack gap="lg">
        <Paper
          withBorder
          radius="md"
          p={{ base: 'sm', sm: 'md' }}
          component="section"
          aria-label={t('tasks.facts.content')}
        >
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm">
            <Fact label={t('tasks.facts.committee')}>
              {committee.data ? (
                <Anchor component={Link} to={`/ban-chi-dao/${task.committeeId}`} size="sm">
                  {committee.data.name}
                </Anchor>
              ) : (
                '…'
              )}
            </Fact>
            <Fact label={t('tasks.facts.source')}>
              <SourceLink task={task} />
            </Fact>
            <Fact label={t('tasks.facts.sourceDate')}>{formatDate(task.sourceDate)}</Fact>
            <Fact label={t('tasks.facts.lead')}>{leadName(task)}</Fact>
            <Fact label={t('tasks.facts.responsible')}>{task.responsible?.fullName ?? none}</Fact>
            <Fact label={t('tasks.facts.cooperators')}>
              {task.cooperators.length ? task.cooperators.map((c) => c.name).join(', ') : none}
            </Fact>
            <Fact label={t('tasks.facts.deadline')}>
              <Text span fw={600} size="sm">
                {formatDate(task.deadline)}
              </Text>
              {task.originalDeadline !== task.deadline && (
                <Text span c="dimmed" size="sm">
                  {' '}
                  ({t('tasks.facts.originalDeadline', { date: formatDate(task.originalDeadline) })})
                </Text>
              )}
              {task.extensionProposedDeadline && (
                <Text size="xs" c="grape.7">
                  {t('tasks.facts.extension', { date: formatDate(task.extensionProposedDeadline) })}
                </Text>
              )}
            </Fact>
            <Fact label={t('tasks.facts.progress')}>
              <ProgressValue value={task.progress} />
            </Fact>
            <Fact label={t('tasks.facts.domain')}>{task.domain ? domainShort(task.domain) : none}</Fact>
            <Fact label={t('tasks.facts.product')}>{task.expectedProduct ?? none}</Fact>
            <Fact label={t('tasks.facts.priority')}>{t(`tasks.priorities.${task.priority}`)}</Fact>
            {task.completedOn && (
              <Fact label={t('tasks.facts.completedOn')}>{formatDate(task.completedOn)}</Fact>
            )}
            {task.tags.length > 0 && (
              <Fact label={t('tasks.facts.tags')}>
                <Group gap={4}>
                  {task.tags.map((tag) => (
                    <Badge key={tag} variant="default" size="sm">
                      {tag}
                    </Badge>
                  ))}
                </Group>
              </Fact>
            )}
          </SimpleGrid>
          {task.content && (
            <Box mt="md">
              <Text size="xs" c="dimmed" fw={600}>
                {t('tasks.facts.content')}
              </Text>
              <Text size="sm" mt={2} style={{ whiteSpace: 'pre-line' }}>
                {task.content}
              </Text>
            </Box>
          )}
        </Paper>

        <TaskActions
          task={task}
          extra={committee.data && <CascadeButton task={task} childCount={committee.data.childCount} />}
        />

        <RollupSection task={task} />

        <Paper
          withBorder
          radius="md"
          p={{ base: 'sm', sm: 'md' }}
          component="section"
          aria-label={t('tasks.timeline.title')}
        >
          <Title order={2} fz="h5" mb="md">
            {t('tasks.timeline.title')}
          </Title>
          <TaskTimeline task={task} />
          {committee.data?.myPermissions.includes('task.updateOwn') && <CommentForm task={task} />}
        </Paper>
      </Stack>
    </RecordPage>
  );
}

function SourceLink({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  // A copy handed down from a higher committee (or a breakdown of a larger task) leads back to its parent.
  if (task.parentTaskId)
    return (
      <Stack gap={2}>
        <Anchor component={Link} to={`/nhiem-vu/${task.parentTaskId}`} size="sm">
          {t('tasks.facts.sourceParent')}
        </Anchor>
        {task.documentId && (
          <Anchor component={Link} to={`/van-ban/${task.documentId}`} size="sm">
            {t('tasks.facts.sourceDocument')}
          </Anchor>
        )}
      </Stack>
    );
  const label = t(`tasks.sources.${task.sourceKind}`);
  if (task.sourceKind === 'conclusion' && task.meetingId)
    return (
      <Anchor
        size="sm"
        renderRoot={(props) => (
          <Link
            to="/cuoc-hop/$meetingId"
            params={{ meetingId: task.meetingId! }}
            search={{ tab: 'bien-ban' }}
            {...props}
          />
        )}
      >
        {t('tasks.facts.sourceMeeting')}
      </Anchor>
    );
  if (task.sourceKind === 'directive' && task.documentId)
    return (
      <Anchor component={Link} to={`/van-ban/${task.documentId}`} size="sm">
        {t('tasks.facts.sourceDocument')}
      </Anchor>
    );
  return <>{label}</>;
}

/** History events, progress reports with their evidence, and comments with their @mentions, oldest first. */
function TaskTimeline({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  const entries = timelineOf(task);
  if (!entries.length) return <Text c="dimmed">{t('tasks.timeline.empty')}</Text>;
  return (
    <Timeline
      bulletSize={26}
      lineWidth={2}
      active={entries.length - 1}
      aria-label={t('tasks.timeline.title')}
    >
      {entries.map((entry) => {
        if (entry.type === 'event') {
          const e = entry.item;
          return (
            <Timeline.Item
              key={entry.id}
              bullet={<IconFlag size={14} />}
              title={t(`tasks.events.${e.kind}`)}
              color={e.kind === 'returned' || e.kind === 'cancelled' ? 'orange' : undefined}
            >
              <When at={e.at} by={e.actorName} />
              {e.reason && (
                <Text size="sm" mt={2}>
                  {e.kind === 'returned' || e.kind === 'cancelled' || e.kind === 'extensionRequested'
                    ? t('tasks.timeline.reason', { reason: e.reason })
                    : t('tasks.timeline.note', { reason: e.reason })}
                </Text>
              )}
              {e.kind === 'extensionRequested' && e.newDeadline && (
                <Text size="sm">{t('tasks.timeline.proposed', { date: formatDate(e.newDeadline) })}</Text>
              )}
              {e.kind === 'extensionApproved' && e.oldDeadline && e.newDeadline && (
                <Text size="sm">
                  {t('tasks.timeline.deadlineChange', {
                    from: formatDate(e.oldDeadline),
                    to: formatDate(e.newDeadline),
                  })}
                </Text>
              )}
            </Timeline.Item>
          );
        }
        if (entry.type === 'progress') {
          const p = entry.item;
          return (
            <Timeline.Item
              key={entry.id}
              bullet={<IconProgressCheck size={14} />}
              title={t('tasks.timeline.progress', { percent: p.percent })}
              color="teal"
            >
              <When at={p.at} by={p.unitName ? `${p.authorName} (${p.unitName})` : p.authorName} />
              <Text size="sm" mt={2} style={{ whiteSpace: 'pre-line' }}>
                {p.text}
              </Text>
              {p.files.length > 0 && (
                <Stack gap={2} mt={4} aria-label={t('tasks.timeline.files')}>
                  {p.files.map((f) => (
                    <Anchor key={f.id} href={fileDownloadUrl(f.id)} size="sm" download>
                      <Group gap={4} wrap="nowrap">
                        <IconFileDownload size={14} aria-hidden />
                        {f.name}
                        <Text span size="xs" c="dimmed">
                          ({formatFileSize(f.size)})
                        </Text>
                      </Group>
                    </Anchor>
                  ))}
                </Stack>
              )}
            </Timeline.Item>
          );
        }
        const c = entry.item;
        return (
          <Timeline.Item
            key={entry.id}
            bullet={<IconMessage size={14} />}
            title={t('tasks.timeline.comment')}
            color="gray"
          >
            <When at={c.at} by={c.authorName} />
            <Text size="sm" mt={2} style={{ whiteSpace: 'pre-line' }}>
              {c.text}
            </Text>
            {c.mentions.length > 0 && (
              <Text size="xs" c="dimmed" mt={2}>
                {t('tasks.timeline.mentions', { names: c.mentions.map((m) => `@${m.fullName}`).join(', ') })}
              </Text>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

function When({ at, by }: { at: string; by: string | null }) {
  return (
    <Text size="xs" c="dimmed">
      {formatDateTime(at)}
      {by ? ` · ${by}` : ''}
    </Text>
  );
}

/** A comment; the people chosen under "@" are notified (committee members only). */
function CommentForm({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  const add = useAddComment(task.id);
  const members = useQuery(membersQueryOptions(task.committeeId));
  const people = [
    ...new Map(
      (members.data ?? []).filter((m) => m.role !== 'guest').map((m) => [m.userId, m.fullName]),
    ).entries(),
  ].map(([value, label]) => ({ value, label }));
  const [text, setText] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  return (
    <Box
      component="form"
      mt="lg"
      onSubmit={(event) => {
        event.preventDefault();
        if (!text.trim()) return;
        add.mutate(
          { text: text.trim(), mentions },
          {
            onSuccess: () => {
              setText('');
              setMentions([]);
              notifications.show({ color: 'green', message: t('tasks.comments.sent') });
            },
          },
        );
      }}
    >
      <Stack gap="sm">
        <Textarea
          label={t('tasks.comments.label')}
          placeholder={t('tasks.comments.placeholder')}
          autosize
          minRows={2}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <MultiSelect
          label={t('tasks.comments.mentions')}
          placeholder={t('tasks.comments.mentionsPlaceholder')}
          data={people}
          value={mentions}
          onChange={setMentions}
          searchable
          comboboxProps={{ withinPortal: true }}
        />
        <ProblemAlert error={add.error} />
        <Group justify="flex-end">
          <Button
            type="submit"
            leftSection={<IconSend size={16} />}
            loading={add.isPending}
            disabled={!text.trim()}
          >
            {t('tasks.comments.send')}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}
