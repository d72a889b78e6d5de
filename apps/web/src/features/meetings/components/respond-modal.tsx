import { Alert, Checkbox, Radio, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { Attendee, RespondBody } from '@steerco/contract/meetings';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, dataOf } from '../../../api/client.ts';
import { fieldErrorsOf } from '../../../api/problem.ts';
import { ModalForm } from '../../../components/modal-form.tsx';
import { type MeetingView, useRespond } from '../api.ts';

type Response = RespondBody['response'];

interface RespondModalProps {
  meeting: MeetingView;
  attendee: Attendee;
  /** The standing agency records someone's answer (allowed after the deadline, marked as late, R10). */
  onBehalf: boolean;
  onClose: () => void;
}

/**
 * Attend, be absent (with a reason) or send a substitute (named, briefed) — R10, R11. Absences and substitutes
 * then wait for the chair; the committee's substitute policy is the server's to check, and its explanation is
 * shown as is when it refuses.
 */
export function RespondModal({ meeting, attendee, onBehalf, onClose }: RespondModalProps) {
  const { t } = useTranslation();
  const respond = useRespond(meeting.id);
  // Nothing is chosen for the person: a pre-selected "attend" would be sent by a hasty click.
  const [response, setResponse] = useState<Response | null>(attendee.response ?? null);
  const [reason, setReason] = useState(attendee.reason ?? '');
  const [name, setName] = useState(attendee.substitute?.name ?? '');
  const [position, setPosition] = useState(attendee.substitute?.position ?? '');
  const [substituteUserId, setSubstituteUserId] = useState<string | null>(
    attendee.substitute?.userId ?? null,
  );
  const [briefed, setBriefed] = useState(attendee.substitute?.briefed ?? false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const late = Date.now() > new Date(meeting.confirmationDeadline).getTime();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!response) {
      setErrors({ response: t('meetings.respond.responseRequired') });
      return;
    }
    if (response === 'absent' && !reason.trim()) next.reason = t('meetings.respond.reasonRequired');
    if (response === 'substitute') {
      if (!name.trim()) next['substitute.name'] = t('common.required');
      if (!briefed) next['substitute.briefed'] = t('meetings.respond.briefedRequired');
    }
    setErrors(next);
    if (Object.keys(next).length) return;
    const body: RespondBody = {
      response,
      reason: response === 'attend' ? null : reason.trim() || null,
      substitute:
        response === 'substitute'
          ? { name: name.trim(), position: position.trim() || null, userId: substituteUserId, briefed: true }
          : null,
    };
    respond.mutate(
      { attendeeId: onBehalf ? attendee.id : undefined, body },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t(`meetings.respond.done.${response}`) });
          onClose();
        },
        onError: (error) => setErrors(fieldErrorsOf(error)),
      },
    );
  };

  return (
    <ModalForm
      opened
      onClose={onClose}
      title={
        onBehalf
          ? t('meetings.respond.onBehalfTitle', { name: attendee.fullName })
          : t('meetings.respond.title')
      }
      onSubmit={submit}
      submitLabel={t('meetings.respond.submit')}
      submitting={respond.isPending}
      error={respond.error}
    >
      {onBehalf && late && (
        <Alert color="orange" variant="light">
          {t('meetings.respond.lateOnBehalf')}
        </Alert>
      )}
      <Radio.Group
        label={t('meetings.respond.response')}
        description={t('meetings.respond.responseHint')}
        withAsterisk
        value={response}
        onChange={(value) => {
          setResponse(value as Response);
          setErrors(({ response: _cleared, ...rest }) => rest);
        }}
        error={errors.response}
      >
        <Stack gap={10} mt={8}>
          {(['attend', 'absent', 'substitute'] as const).map((option) => (
            <Radio
              key={option}
              value={option}
              label={t(`meetings.respond.${option}`)}
              description={t(`meetings.respond.explain.${option}`)}
            />
          ))}
        </Stack>
      </Radio.Group>
      {response === 'absent' && (
        <Textarea
          label={t('meetings.respond.reason')}
          withAsterisk
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
        />
      )}
      {response === 'substitute' && (
        <Stack gap="sm">
          {onBehalf && (
            <SubstituteAccount
              committeeId={meeting.committeeId}
              value={substituteUserId}
              onPick={(person) => {
                setSubstituteUserId(person?.id ?? null);
                if (person) {
                  setName(person.fullName);
                  setPosition(person.position ?? '');
                }
              }}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('meetings.respond.substituteName')}
              withAsterisk
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors['substitute.name']}
            />
            <TextInput
              label={t('meetings.respond.substitutePosition')}
              value={position}
              onChange={(e) => setPosition(e.currentTarget.value)}
              error={errors['substitute.position']}
            />
          </SimpleGrid>
          <Checkbox
            label={t('meetings.respond.briefed')}
            checked={briefed}
            onChange={(e) => {
              setBriefed(e.currentTarget.checked);
              setErrors(({ 'substitute.briefed': _cleared, ...rest }) => rest);
            }}
            error={errors['substitute.briefed']}
          />
          <Textarea
            label={t('meetings.respond.note')}
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        </Stack>
      )}
    </ModalForm>
  );
}

interface Candidate {
  id: string;
  fullName: string;
  position: string | null;
  unitName: string | null;
}

/** The standing agency may name the substitute's account, which the substitute policy checks (R11). */
function SubstituteAccount({
  committeeId,
  value,
  onPick,
}: {
  committeeId: string;
  value: string | null;
  onPick: (person: Candidate | null) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const candidates = useQuery({
    queryKey: ['committees', committeeId, 'candidates', debounced],
    queryFn: async (): Promise<Candidate[]> =>
      dataOf(
        await api.GET('/api/v1/committees/{id}/candidates', {
          params: { path: { id: committeeId }, query: { q: debounced } },
        }),
      ).items,
    enabled: debounced.length >= 2,
    placeholderData: keepPreviousData,
  });
  const [picked, setPicked] = useState<Candidate | null>(null);
  const options = [
    ...(picked ? [picked] : []),
    ...(candidates.data ?? []).filter((c) => c.id !== picked?.id),
  ];
  return (
    <Select
      label={t('meetings.respond.substituteAccount')}
      description={t('meetings.respond.substituteAccountHint')}
      searchable
      clearable
      searchValue={q}
      onSearchChange={setQ}
      value={value}
      filter={({ options: all }) => all}
      data={options.map((c) => ({
        value: c.id,
        label: [c.fullName, c.position, c.unitName].filter(Boolean).join(' — '),
      }))}
      onChange={(id) => {
        const person = options.find((c) => c.id === id) ?? null;
        setPicked(person);
        onPick(person);
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
