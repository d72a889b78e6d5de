import {
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { CommitteeDetail } from '@steerco/contract/committees';
import { formatDate, todayInVietnam } from '@steerco/contract/datetime';
import type { PlanStatus } from '@steerco/contract/plans';
import { IconCalendarStats, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ModalForm } from '../../../components/modal-form.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { setFieldErrorsFromProblem } from '../../../lib/form-problem.ts';
import { textOrNull, textOrUndefined } from '../../../lib/schema-errors.ts';
import { plansQueryOptions, useCreatePlan } from '../api.ts';
import { ReviewSection } from './review-table.tsx';

export const PLAN_STATUS_COLORS: Record<PlanStatus, string> = {
  draft: 'yellow',
  approved: 'green',
  cancelled: 'gray',
};

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={PLAN_STATUS_COLORS[status]} variant="light">
      {t(`plans.status.${status}`)}
    </Badge>
  );
}

/** The committee's annual work plans (R5) and the review figures of a year. */
export function PlansTab({ committee }: { committee: CommitteeDetail }) {
  const { t } = useTranslation();
  const plans = useQuery(plansQueryOptions(committee.id));
  const [creating, setCreating] = useState(false);
  const canManage = committee.myPermissions.includes('plan.manage');
  const thisYear = Number(todayInVietnam().slice(0, 4));
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ flex: '1 1 20rem' }}>
          <Title order={2} fz="h4">
            {t('plans.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('plans.subtitle')}
          </Text>
        </Stack>
        {canManage && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('plans.create.open')}
          </Button>
        )}
      </Group>
      <ProblemAlert error={plans.error} onRetry={() => void plans.refetch()} />
      {plans.data && plans.data.length === 0 && (
        <EmptyState icon={<IconCalendarStats size={28} />} title={t('plans.empty')}>
          {canManage && <Text size="sm">{t('plans.emptyManage')}</Text>}
        </EmptyState>
      )}
      {plans.data && plans.data.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{t('plans.columns.year')}</Table.Th>
                  <Table.Th>{t('plans.columns.title')}</Table.Th>
                  <Table.Th>{t('plans.columns.status')}</Table.Th>
                  <Table.Th ta="right">{t('plans.columns.items')}</Table.Th>
                  <Table.Th>{t('plans.columns.approved')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plans.data.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td fw={600}>{p.year}</Table.Td>
                    <Table.Td>
                      <Anchor
                        size="sm"
                        renderRoot={(props) => (
                          <Link to="/ke-hoach/$planId" params={{ planId: p.id }} {...props} />
                        )}
                      >
                        {p.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <PlanStatusBadge status={p.status} />
                    </Table.Td>
                    <Table.Td ta="right">{p.itemCount}</Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {p.approvedAt && p.approvedByName
                          ? t('plans.facts.approvedBy', {
                              name: p.approvedByName,
                              date: formatDate(p.approvedAt),
                            })
                          : t('common.notSet')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <ReviewSection committee={committee} defaultYear={thisYear} />
      {creating && (
        <CreatePlanModal
          committee={committee}
          defaultYear={thisYear + 1}
          onClose={() => setCreating(false)}
        />
      )}
    </Stack>
  );
}

function CreatePlanModal({
  committee,
  defaultYear,
  onClose,
}: {
  committee: CommitteeDetail;
  defaultYear: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePlan(committee.id);
  const form = useForm({
    mode: 'controlled',
    initialValues: { year: defaultYear as number | string, title: '', purpose: '' },
    validate: {
      year: (v) =>
        Number.isInteger(Number(v)) && Number(v) >= 2000 && Number(v) <= 2100 ? null : t('common.required'),
    },
  });
  const submit = form.onSubmit((values) =>
    create.mutate(
      {
        year: Number(values.year),
        title: textOrUndefined(values.title),
        purpose: textOrNull(values.purpose),
      },
      {
        onSuccess: (plan) => {
          notifications.show({ color: 'green', message: t('plans.create.created') });
          onClose();
          void navigate({ to: '/ke-hoach/$planId', params: { planId: plan.id } });
        },
        onError: (error) => setFieldErrorsFromProblem(form, error),
      },
    ),
  );
  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t('plans.create.title')}
      onSubmit={submit}
      submitLabel={t('plans.create.submit')}
      submitting={create.isPending}
      error={create.error}
    >
      <NumberInput
        label={t('plans.create.year')}
        min={2000}
        max={2100}
        withAsterisk
        allowDecimal={false}
        {...form.getInputProps('year')}
      />
      <TextInput
        label={t('plans.create.planTitle')}
        description={t('plans.create.planTitleHint')}
        {...form.getInputProps('title')}
      />
      <Textarea label={t('plans.create.purpose')} autosize minRows={3} {...form.getInputProps('purpose')} />
    </ModalForm>
  );
}
