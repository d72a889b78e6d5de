import {
  ActionIcon,
  Button,
  Center,
  Group,
  Loader,
  MultiSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { StandingAgencyBody } from '@steerco/contract/agencies';
import type { CommitteeDetail } from '@steerco/contract/committees';
import { IconBuildingCommunity, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ModalForm } from '../../../components/modal-form.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { problemOutsideFields, setFieldErrorsFromProblem } from '../../../lib/form-problem.ts';
import { schemaErrors, textOrNull } from '../../../lib/schema-errors.ts';
import { UnitPicker } from '../../units/components/unit-picker.tsx';
import {
  canOn,
  type StandingAgency,
  standingAgenciesQueryOptions,
  useAddStandingAgency,
  useRemoveStandingAgency,
} from '../api.ts';
import { DomainBadges } from './committee-badges.tsx';
import { domainOptions } from './member-form-modal.tsx';

/** Cơ quan thường trực (R2, R5): any number of agencies, each for some domains, with its responsibilities. */
export function StandingAgenciesTab({ committee }: { committee: CommitteeDetail }) {
  const { t } = useTranslation();
  const agencies = useQuery(standingAgenciesQueryOptions(committee.id));
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<StandingAgency | null>(null);
  const canManage = canOn(committee, 'committee.manageStructure');

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
          {t('agencies.subtitle')}
        </Text>
        {canManage && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            {t('agencies.add')}
          </Button>
        )}
      </Group>
      {agencies.isError && <ProblemAlert error={agencies.error} onRetry={() => void agencies.refetch()} />}
      {agencies.isPending && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {agencies.data?.length === 0 && (
        <Paper withBorder radius="md">
          <EmptyState icon={<IconBuildingCommunity size={28} />} title={t('agencies.empty')} />
        </Paper>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {agencies.data?.map((agency) => (
          <Paper
            key={agency.id}
            withBorder
            radius="md"
            p="md"
            component="article"
            aria-label={agency.unitName}
          >
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Stack gap={6} style={{ minWidth: 0 }}>
                <Title order={2} fz="h5">
                  {agency.unitName}
                </Title>
                <DomainBadges codes={agency.domains} domains={committee.domains} />
              </Stack>
              {canManage && (
                <Tooltip label={t('agencies.remove', { name: agency.unitName })} withArrow>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('agencies.remove', { name: agency.unitName })}
                    onClick={() => setRemoving(agency)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
            {agency.responsibilities && (
              <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-line' }}>
                {agency.responsibilities}
              </Text>
            )}
          </Paper>
        ))}
      </SimpleGrid>
      {adding && <AgencyFormModal committee={committee} onClose={() => setAdding(false)} />}
      {removing && (
        <RemoveAgencyDialog committeeId={committee.id} agency={removing} onClose={() => setRemoving(null)} />
      )}
    </Stack>
  );
}

const fieldOfCode = { 'committee.duplicateAgency': 'unitId', 'unit.notFound': 'unitId' } as const;

function AgencyFormModal({ committee, onClose }: { committee: CommitteeDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddStandingAgency(committee.id);
  const bodyOf = (values: { unitId: string | null; domains: string[]; responsibilities: string }) => ({
    unitId: values.unitId ?? undefined,
    domains: values.domains,
    responsibilities: textOrNull(values.responsibilities),
  });
  const form = useForm({
    initialValues: { unitId: null as string | null, domains: [] as string[], responsibilities: '' },
    validate: (values) => schemaErrors(StandingAgencyBody, bodyOf(values), t),
  });
  const submit = form.onSubmit((values) =>
    add.mutate(bodyOf(values) as Parameters<typeof add.mutate>[0], {
      onSuccess: (agency) => {
        notifications.show({ color: 'green', message: t('agencies.added', { name: agency.unitName }) });
        onClose();
      },
      onError: (error) => setFieldErrorsFromProblem(form, error, fieldOfCode),
    }),
  );
  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t('agencies.form.title')}
      onSubmit={submit}
      submitLabel={t('agencies.form.submit')}
      submitting={add.isPending}
      error={problemOutsideFields(add.error, fieldOfCode)}
    >
      <UnitPicker
        label={t('agencies.form.unit')}
        withAsterisk
        value={form.values.unitId}
        onChange={(unitId) => form.setFieldValue('unitId', unitId)}
        error={form.errors.unitId}
      />
      <MultiSelect
        label={t('agencies.form.domains')}
        withAsterisk
        data={domainOptions(committee)}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('domains')}
      />
      <Textarea
        label={t('agencies.form.responsibilities')}
        autosize
        minRows={3}
        {...form.getInputProps('responsibilities')}
      />
    </ModalForm>
  );
}

function RemoveAgencyDialog({
  committeeId,
  agency,
  onClose,
}: {
  committeeId: string;
  agency: StandingAgency;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const remove = useRemoveStandingAgency(committeeId);
  return (
    <ConfirmDialog
      opened
      title={t('agencies.removeTitle')}
      confirmLabel={t('agencies.removeConfirm')}
      danger
      pending={remove.isPending}
      error={remove.error}
      onClose={onClose}
      onConfirm={() =>
        remove.mutate(agency.id, {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('agencies.removed', { name: agency.unitName }) });
            onClose();
          },
        })
      }
    >
      {t('agencies.removeBody', { name: agency.unitName })}
    </ConfirmDialog>
  );
}
