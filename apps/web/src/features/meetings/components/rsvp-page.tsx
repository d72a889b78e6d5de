import {
  Alert,
  Anchor,
  Button,
  Center,
  Checkbox,
  Loader,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { formatDateTime } from '@steerco/contract/datetime';
import { IconArrowRight, IconCheck, IconCircleCheck, IconUserShare, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { AuthLayout } from '../../auth/components/auth-layout.tsx';
import { rsvpQueryOptions, useAnswerRsvp } from '../api.ts';
import { vietnamTime } from '../meetings.ts';
import '../../../i18n/page-texts.ts';

/**
 * Xác nhận tham dự: the page the invitation e-mail's personal link opens, without signing in (the signed token
 * is the credential). One click to attend; an absence needs its reason (R10); a substitute is named and must
 * have been briefed (R11). Absences and substitutes then wait for the chair.
 */
export function RsvpPage({ token }: { token: string | undefined }) {
  const { t } = useTranslation();
  const rsvp = useQuery({ ...rsvpQueryOptions(token ?? ''), enabled: !!token });
  const answer = useAnswerRsvp(token ?? '');
  const [mode, setMode] = useState<'choose' | 'absent' | 'substitute'>('choose');
  const [reason, setReason] = useState('');
  const [name, setName] = useState('');
  const [position, setPosition] = useState('');
  const [briefed, setBriefed] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

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
        {answered && (
          // The answer names the meeting: its page, for whoever is signed in (or signs in).
          <Anchor component={Link} to={`/cuoc-hop/${data.meetingId}`} size="sm">
            <IconArrowRight size={14} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
            {t('meetings.rsvp.openMeeting')}
          </Anchor>
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
            {mode === 'choose' && (
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
                  onClick={() => setMode('absent')}
                >
                  {t('meetings.rsvp.absent')}
                </Button>
                <Button
                  size="md"
                  fullWidth
                  variant="default"
                  leftSection={<IconUserShare size={18} />}
                  onClick={() => setMode('substitute')}
                >
                  {t('meetings.rsvp.substitute')}
                </Button>
              </>
            )}
            {mode !== 'choose' && (
              <form
                noValidate
                onSubmit={(event) => {
                  event.preventDefault();
                  const next: Record<string, string> = {};
                  if (mode === 'absent' && !reason.trim()) next.reason = t('meetings.respond.reasonRequired');
                  if (mode === 'substitute' && !name.trim()) next.name = t('common.required');
                  if (mode === 'substitute' && !briefed) next.briefed = t('meetings.respond.briefedRequired');
                  setErrors(next);
                  if (Object.keys(next).length) return;
                  answer.mutate(
                    mode === 'absent'
                      ? { response: 'absent', reason: reason.trim() }
                      : {
                          response: 'substitute',
                          reason: reason.trim() || null,
                          substitute: { name: name.trim(), position: position.trim() || null, briefed: true },
                        },
                    { onSuccess: () => setMode('choose') },
                  );
                }}
              >
                <Stack gap="sm">
                  {mode === 'substitute' && (
                    <>
                      <TextInput
                        label={t('meetings.respond.substituteName')}
                        withAsterisk
                        value={name}
                        onChange={(e) => setName(e.currentTarget.value)}
                        error={errors.name}
                        data-autofocus
                      />
                      <TextInput
                        label={t('meetings.respond.substitutePosition')}
                        value={position}
                        onChange={(e) => setPosition(e.currentTarget.value)}
                      />
                      <Checkbox
                        label={t('meetings.respond.briefed')}
                        checked={briefed}
                        onChange={(e) => {
                          setBriefed(e.currentTarget.checked);
                          setErrors(({ briefed: _cleared, ...rest }) => rest);
                        }}
                        error={errors.briefed}
                      />
                    </>
                  )}
                  <Textarea
                    label={mode === 'absent' ? t('meetings.respond.reason') : t('meetings.respond.note')}
                    withAsterisk={mode === 'absent'}
                    autosize
                    minRows={2}
                    value={reason}
                    onChange={(e) => setReason(e.currentTarget.value)}
                    error={errors.reason}
                  />
                  <Text size="xs" c="dimmed">
                    {t('meetings.respond.needsApproval')}
                  </Text>
                  <Button
                    type="submit"
                    fullWidth
                    color={mode === 'absent' ? 'red' : undefined}
                    loading={answer.isPending}
                  >
                    {mode === 'absent' ? t('meetings.rsvp.sendAbsence') : t('meetings.rsvp.sendSubstitute')}
                  </Button>
                  <Button variant="subtle" color="gray" fullWidth onClick={() => setMode('choose')}>
                    {t('common.cancel')}
                  </Button>
                </Stack>
              </form>
            )}
          </Stack>
        )}
      </Stack>
    </AuthLayout>
  );
}
