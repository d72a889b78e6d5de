import { Alert, Anchor, Button, Center, Group, Loader, Stack, Text, Textarea } from '@mantine/core';
import { formatDateTime } from '@steerco/contract/datetime';
import { IconCheck, IconCircleCheck, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { AuthLayout } from '../../auth/components/auth-layout.tsx';
import { rsvpQueryOptions, useAnswerRsvp } from '../api.ts';
import { vietnamTime } from '../meetings.ts';

/**
 * Xác nhận tham dự: the page the invitation e-mail's personal link opens, without signing in (the signed token
 * is the credential). One click to attend; an absence needs its reason (R10). Sending a substitute needs the
 * full form of the meeting page, behind login.
 */
export function RsvpPage({ token }: { token: string | undefined }) {
  const { t } = useTranslation();
  const rsvp = useQuery({ ...rsvpQueryOptions(token ?? ''), enabled: !!token });
  const answer = useAnswerRsvp(token ?? '');
  const [absent, setAbsent] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  if (!token) {
    return (
      <AuthLayout title={t('meetings.rsvp.title')}>
        <Alert color="red" variant="light">
          {t('meetings.rsvp.noToken')}
        </Alert>
      </AuthLayout>
    );
  }
  if (rsvp.isPending) {
    return (
      <AuthLayout title={t('meetings.rsvp.title')}>
        <Center py="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      </AuthLayout>
    );
  }
  if (rsvp.isError) {
    return (
      <AuthLayout title={t('meetings.rsvp.title')}>
        <ProblemAlert error={rsvp.error} />
      </AuthLayout>
    );
  }
  const data = rsvp.data;
  const answered = data.response;
  return (
    <AuthLayout
      title={t('meetings.rsvp.title')}
      subtitle={t('meetings.rsvp.greeting', { name: data.fullName })}
    >
      <Stack gap="md">
        <Stack gap={4} component="section" aria-label={t('meetings.rsvp.meeting')}>
          <Text fw={700}>{data.meetingTitle}</Text>
          <Text size="sm">
            {t('meetings.facts.whenValue', {
              date: formatDateTime(data.startsAt).slice(6),
              from: vietnamTime(data.startsAt),
              to: vietnamTime(data.endsAt),
            })}
          </Text>
          {data.place && <Text size="sm">{data.place}</Text>}
          <Text size="xs" c="dimmed">
            {t('meetings.rsvp.deadline', { date: formatDateTime(data.deadline) })}
          </Text>
        </Stack>
        {answered && (
          <Alert
            color={answered === 'attend' ? 'green' : 'gray'}
            variant="light"
            icon={<IconCircleCheck size={18} />}
            role="status"
          >
            {t(`meetings.rsvp.answered.${answered}`)}
          </Alert>
        )}
        {data.status === 'cancelled' && (
          <Alert color="red" variant="light">
            {t('meetings.rsvp.cancelled')}
          </Alert>
        )}
        {!data.open && data.status !== 'cancelled' && (
          <Text size="sm" c="dimmed">
            {t('meetings.rsvp.closed')}
          </Text>
        )}
        {data.open && (
          <Stack gap="sm">
            <ProblemAlert error={answer.error} />
            {absent ? (
              <>
                <Textarea
                  label={t('meetings.respond.reason')}
                  withAsterisk
                  autosize
                  minRows={2}
                  value={reason}
                  onChange={(e) => {
                    setReason(e.currentTarget.value);
                    setReasonError(null);
                  }}
                  error={reasonError}
                  data-autofocus
                />
                <Text size="xs" c="dimmed">
                  {t('meetings.respond.needsApproval')}
                </Text>
                <Group grow gap="sm">
                  <Button variant="default" onClick={() => setAbsent(false)}>
                    {t('common.cancel')}
                  </Button>
                  <Button
                    color="red"
                    loading={answer.isPending}
                    onClick={() => {
                      if (!reason.trim()) {
                        setReasonError(t('meetings.respond.reasonRequired'));
                        return;
                      }
                      answer.mutate(
                        { response: 'absent', reason: reason.trim() },
                        { onSuccess: () => setAbsent(false) },
                      );
                    }}
                  >
                    {t('meetings.rsvp.sendAbsence')}
                  </Button>
                </Group>
              </>
            ) : (
              <>
                <Button
                  size="md"
                  fullWidth
                  leftSection={<IconCheck size={18} />}
                  loading={answer.isPending}
                  disabled={answered === 'attend'}
                  onClick={() => answer.mutate({ response: 'attend', reason: null })}
                >
                  {t('meetings.rsvp.attend')}
                </Button>
                <Button
                  size="md"
                  fullWidth
                  variant="default"
                  leftSection={<IconX size={18} />}
                  onClick={() => setAbsent(true)}
                >
                  {t('meetings.rsvp.absent')}
                </Button>
                <Text size="sm" c="dimmed" ta="center">
                  {t('meetings.rsvp.substituteHint')}{' '}
                  <Anchor component={Link} to="/cuoc-hop" size="sm">
                    {t('meetings.rsvp.signIn')}
                  </Anchor>
                </Text>
              </>
            )}
          </Stack>
        )}
      </Stack>
    </AuthLayout>
  );
}
