import { Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { periodLabel } from '@steerco/contract/indicators';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { pendingValuesQueryOptions, useDecideValue } from '../api.ts';

/** The standing agency's queue: values entered by the owner units, to approve or return with a reason. */
export function PendingValues({ committeeId }: { committeeId: string }) {
  const { t } = useTranslation();
  const pending = useQuery(pendingValuesQueryOptions(committeeId));
  const decide = useDecideValue();
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  if (!pending.data?.length) return null;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={3} fz="h5">
          {t('indicators.approvals.title')}
        </Title>
        <ProblemAlert error={decide.error} />
        {pending.data.map((v) => (
          <Group key={v.id} justify="space-between" gap="xs" wrap="wrap" data-value-id={v.id}>
            <Stack gap={0} style={{ flex: '1 1 14rem' }}>
              <Text size="sm" fw={600}>
                {v.indicatorName}: {v.value} ({periodLabel(v.frequency, v.period, v.year)})
              </Text>
              <Text size="xs" c="dimmed">
                {t('indicators.approvals.by', { name: v.enteredByName ?? '' })}
                {v.correctsId ? ` · ${t('indicators.approvals.corrects')}` : ''}
                {v.note ? ` · ${v.note}` : ''}
              </Text>
              {v.evidence.map((f) => (
                <Anchor key={f.id} size="xs" href={`/api/v1/files/${f.id}`} target="_blank">
                  {f.name}
                </Anchor>
              ))}
            </Stack>
            {rejecting === v.id ? (
              <Group gap={4}>
                <TextInput
                  size="xs"
                  aria-label={t('indicators.approvals.rejectReason')}
                  placeholder={t('indicators.approvals.rejectReason')}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                />
                <Button
                  size="xs"
                  color="red"
                  disabled={!reason.trim()}
                  onClick={() =>
                    decide.mutate(
                      { id: v.id, reject: reason.trim() },
                      {
                        onSuccess: () => notifications.show({ message: t('indicators.approvals.rejected') }),
                      },
                    )
                  }
                >
                  {t('indicators.approvals.reject')}
                </Button>
              </Group>
            ) : (
              <Group gap={4}>
                <Button
                  size="xs"
                  loading={decide.isPending}
                  onClick={() =>
                    decide.mutate(
                      { id: v.id },
                      {
                        onSuccess: () =>
                          notifications.show({ color: 'green', message: t('indicators.approvals.approved') }),
                      },
                    )
                  }
                >
                  {t('indicators.approvals.approve')}
                </Button>
                <Button size="xs" variant="default" onClick={() => setRejecting(v.id)}>
                  {t('indicators.approvals.reject')}
                </Button>
              </Group>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
