import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ParStatus } from '@steerco/contract/indicators';
import { IconClipboardCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { frameworksQueryOptions, parListQueryOptions, useOpenPar } from '../api.ts';

export const PAR_STATUS_COLORS: Record<ParStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  appraised: 'orange',
  final: 'green',
};

export function ParStatusBadge({ status }: { status: ParStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={PAR_STATUS_COLORS[status]} variant="light">
      {t(`indicators.par.status.${status}`)}
    </Badge>
  );
}

/** The committee's PAR INDEX self-assessments, and those its child committees submitted to it. */
export function ParSection({
  committeeId,
  year,
  canOpen,
}: {
  committeeId: string;
  year: number;
  canOpen: boolean;
}) {
  const { t } = useTranslation();
  const list = useQuery(parListQueryOptions(committeeId));
  const frameworks = useQuery(frameworksQueryOptions(year));
  const open = useOpenPar(committeeId);
  const navigate = useNavigate();
  const par = frameworks.data?.find((f) => f.scored);
  const mine = list.data?.some((a) => a.committeeId === committeeId && a.year === year);
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ flex: '1 1 20rem' }}>
          <Title order={2} fz="h4">
            {t('indicators.par.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('indicators.par.subtitle')}
          </Text>
        </Stack>
        {canOpen && par && list.data && !mine && (
          <Button
            leftSection={<IconClipboardCheck size={16} />}
            loading={open.isPending}
            onClick={() =>
              open.mutate(par.id, {
                onSuccess: (a) => void navigate({ to: '/chi-so-cai-cach/$parId', params: { parId: a.id } }),
              })
            }
          >
            {t('indicators.par.open', { year })}
          </Button>
        )}
      </Group>
      <ProblemAlert error={list.error ?? open.error} />
      {list.data && list.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('indicators.par.empty')}
        </Text>
      )}
      {list.data && list.data.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={480}>
            <Table aria-label={t('indicators.par.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('indicators.par.columns.unit')}</Table.Th>
                  <Table.Th>{t('indicators.par.columns.year')}</Table.Th>
                  <Table.Th>{t('indicators.par.columns.status')}</Table.Th>
                  <Table.Th ta="right">{t('indicators.par.columns.self')}</Table.Th>
                  <Table.Th ta="right">{t('indicators.par.columns.final')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor
                        size="sm"
                        renderRoot={(props) => (
                          <Link to="/chi-so-cai-cach/$parId" params={{ parId: a.id }} {...props} />
                        )}
                      >
                        {a.committeeName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{a.year}</Table.Td>
                    <Table.Td>
                      <ParStatusBadge status={a.status} />
                    </Table.Td>
                    <Table.Td ta="right">{a.selfTotal}</Table.Td>
                    <Table.Td ta="right">{a.finalTotal ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
