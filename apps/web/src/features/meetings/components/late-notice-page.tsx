import { Alert, Anchor, Button, Center, Group, Loader, Stack, Text, Textarea } from '@mantine/core';
import { formatDate, formatDateTime } from '@steerco/contract/datetime';
import { IconCheck, IconCircleCheck, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { AuthLayout } from '../../auth/components/auth-layout.tsx';
import { lateNoticeLinkQueryOptions, useDecideLateNoticeLink } from '../api.ts';
import '../../../i18n/page-texts.ts';

/**
 * Duyệt gửi giấy mời muộn: the page the chair's one-click link opens (the signed token is the credential, no
 * sign-in). It shows the meeting, how late the notice is and the secretary's reason (R9); the chair approves —
 * the notice goes out at once, recorded as late with that reason — or refuses with a comment.
 */
export function LateNoticePage({ token }: { token: string | undefined }) {
  const { t } = useTranslation();
  const link = useQuery({ ...lateNoticeLinkQueryOptions(token ?? ''), enabled: !!token });
  const decide = useDecideLateNoticeLink(token ?? '');
  const [refusing, setRefusing] = useState(false);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);

  if (!token) {
    return (
      <AuthLayout title={t('meetings.lateLink.title')}>
        <Alert color="red" variant="light">
          {t('meetings.lateLink.noToken')}
        </Alert>
      </AuthLayout>
    );
  }
  if (link.isPending) {
    return (
      <AuthLayout title={t('meetings.lateLink.title')}>
        <Center py="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      </AuthLayout>
    );
  }
  if (link.isError) {
    return (
      <AuthLayout title={t('meetings.lateLink.title')}>
        <ProblemAlert error={link.error} />
      </AuthLayout>
    );
  }
  const data = link.data;
  const request = data.request;
  return (
    <AuthLayout
      title={t('meetings.lateLink.title')}
      subtitle={data.chairName ? t('meetings.lateLink.greeting', { name: data.chairName }) : undefined}
    >
      <Stack gap="md">
        <Stack gap={4} component="section" aria-label={t('meetings.rsvp.meeting')}>
          <Text fw={700}>{data.meetingTitle}</Text>
          <Text size="sm">{formatDateTime(data.startsAt)}</Text>
          {data.place && <Text size="sm">{data.place}</Text>}
        </Stack>
        <Alert color="orange" variant="light" title={t('meetings.notice.lateTitle')}>
          <Text size="sm">
            {t('meetings.lateLink.shortfall', {
              date: formatDate(data.latestOnTimeDate),
              days: data.workingDaysLeft,
            })}
          </Text>
          <Text size="sm" mt={4}>
            {t('meetings.lateLink.requestedBy', {
              name: request.requestedBy ?? t('common.notSet'),
              date: formatDateTime(request.requestedAt),
            })}
          </Text>
          <Text size="sm" mt={4} fw={600}>
            {t('meetings.lateRequest.reason', { reason: request.reason })}
          </Text>
        </Alert>
        {request.status !== 'pending' ? (
          <Alert
            color={request.status === 'approved' ? 'green' : 'gray'}
            variant="light"
            icon={<IconCircleCheck size={18} />}
            role="status"
          >
            {decide.isSuccess
              ? t(`meetings.lateLink.${request.status}`)
              : t('meetings.lateLink.decidedBy', {
                  name: request.decidedBy ?? t('common.notSet'),
                  date: formatDateTime(request.decidedAt ?? request.requestedAt),
                })}
            {request.comment && (
              <Text size="sm" mt={4}>
                {t('meetings.lateRequest.comment', { comment: request.comment })}
              </Text>
            )}
          </Alert>
        ) : refusing ? (
          <Stack gap="sm">
            <Textarea
              label={t('meetings.lateRequest.refuseComment')}
              withAsterisk
              autosize
              minRows={2}
              value={comment}
              onChange={(e) => {
                setComment(e.currentTarget.value);
                setCommentError(null);
              }}
              error={commentError}
              data-autofocus
            />
            <ProblemAlert error={decide.error} />
            <Group grow gap="sm">
              <Button variant="default" onClick={() => setRefusing(false)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                loading={decide.isPending}
                onClick={() => {
                  if (!comment.trim()) {
                    setCommentError(t('common.required'));
                    return;
                  }
                  decide.mutate({ decision: 'refuse', comment: comment.trim() });
                }}
              >
                {t('meetings.lateRequest.refuse')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap="sm">
            <Text size="sm">{t('meetings.lateRequest.decideHint')}</Text>
            <ProblemAlert error={decide.error} />
            <Button
              size="md"
              fullWidth
              color="green"
              leftSection={<IconCheck size={18} />}
              loading={decide.isPending}
              onClick={() => decide.mutate({ decision: 'approve' })}
            >
              {t('meetings.lateRequest.approve')}
            </Button>
            <Button
              size="md"
              fullWidth
              variant="default"
              leftSection={<IconX size={18} />}
              onClick={() => setRefusing(true)}
            >
              {t('meetings.lateRequest.refuse')}
            </Button>
          </Stack>
        )}
        <Anchor component={Link} to={`/cuoc-hop/${data.meetingId}`} size="sm">
          {t('meetings.lateLink.openMeeting')}
        </Anchor>
      </Stack>
    </AuthLayout>
  );
}
