import { Alert, Badge, Button, Center, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { CommitteeDetail } from '@steerco/contract/committees';
import { type Membership, ReplaceDutiesBody } from '@steerco/contract/memberships';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasProblemCode } from '../../../api/problem.ts';
import { ModalForm } from '../../../components/modal-form.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { setFieldErrorsFromProblem } from '../../../lib/form-problem.ts';
import { schemaErrors, textOrNull } from '../../../lib/schema-errors.ts';
import { type DutyList, dutiesQueryOptions, useReplaceDuties } from '../api.ts';
import { DecisionFields, type DecisionValues, decisionBodyOf, emptyDecision } from './decision-fields.tsx';
import { DutyListFields } from './duty-list-fields.tsx';

interface DutiesEditorModalProps {
  committee: CommitteeDetail;
  member: Membership;
  onClose: () => void;
}

/**
 * Edits one member's duty list as a new version (R7). The version being edited is shown; when someone else
 * saved in between, the server answers 409 and the editor offers to reload the latest version.
 */
export function DutiesEditorModal({ committee, member, onClose }: DutiesEditorModalProps) {
  const { t } = useTranslation();
  const duties = useQuery(dutiesQueryOptions(committee.id, member.id));
  // Bumped when the user asks for the latest version: only then does the form start again.
  const [generation, setGeneration] = useState(0);
  const title = t('duties.editTitle', { name: member.fullName });
  if (!duties.data) {
    return (
      <Modal opened onClose={onClose} title={title} size="lg">
        {duties.isError ? (
          <ProblemAlert error={duties.error} onRetry={() => void duties.refetch()} />
        ) : (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        )}
      </Modal>
    );
  }
  return (
    <DutiesForm
      key={generation}
      committee={committee}
      member={member}
      list={duties.data}
      reloading={duties.isFetching}
      onReload={async () => {
        await duties.refetch();
        setGeneration((n) => n + 1);
      }}
      onClose={onClose}
    />
  );
}

interface DutiesFormValues {
  items: { key: string; id?: string; domain: string | null; text: string }[];
  note: string;
  decision: DecisionValues;
}

function DutiesForm({
  committee,
  member,
  list: latest,
  reloading,
  onReload,
  onClose,
}: DutiesEditorModalProps & { list: DutyList; reloading: boolean; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const replace = useReplaceDuties(committee.id);
  // The version this editor started from: a newer one saved meanwhile must come back as a 409, not be
  // overwritten silently.
  const [list] = useState(latest);
  const bodyOf = (values: DutiesFormValues) => ({
    baseVersion: list.version,
    items: values.items.map(({ id, domain, text }) => ({ ...(id ? { id } : {}), domain, text: text.trim() })),
    decision: decisionBodyOf(values.decision),
    note: textOrNull(values.note),
  });
  const form = useForm<DutiesFormValues>({
    initialValues: {
      items: list.items.map((item) => ({ key: item.id, id: item.id, domain: item.domain, text: item.text })),
      note: '',
      decision: emptyDecision(),
    },
    validate: (values) => schemaErrors(ReplaceDutiesBody, bodyOf(values), t),
  });
  const conflict = hasProblemCode(replace.error, 'duties.versionConflict') ? replace.error : null;

  const submit = form.onSubmit((values) =>
    replace.mutate(
      { membershipId: member.id, body: bodyOf(values) as Parameters<typeof replace.mutate>[0]['body'] },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            message: t('duties.saved', { version: saved.version, name: member.fullName }),
          });
          onClose();
        },
        onError: (error) => setFieldErrorsFromProblem(form, error),
      },
    ),
  );

  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t('duties.editTitle', { name: member.fullName })}
      onSubmit={submit}
      submitting={replace.isPending}
      error={conflict ? null : replace.error}
    >
      <Group gap="xs">
        <Badge variant="outline" color="gray">
          {list.version > 0 ? t('duties.basedOn', { version: list.version }) : t('duties.noVersion')}
        </Badge>
      </Group>
      {conflict && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title={conflict.problem.title}
          role="alert"
        >
          <Stack gap="xs">
            <Text size="sm">{conflict.problem.detail}</Text>
            <Text size="sm">{t('duties.conflictBody')}</Text>
            <Group>
              <Button
                size="xs"
                variant="white"
                color="yellow.9"
                leftSection={<IconRefresh size={14} />}
                loading={reloading}
                onClick={() => void onReload()}
              >
                {t('duties.reload')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <Stack gap="xs">
        <DutyListFields form={form} path="items" items={form.values.items} committee={committee} />
      </Stack>
      <TextInput label={t('duties.note')} {...form.getInputProps('note')} />
      <DecisionFields
        legend={t('duties.decision')}
        values={form.values.decision}
        onChange={(decision) => form.setFieldValue('decision', decision)}
        errors={{
          number: form.errors['decision.number'],
          date: form.errors['decision.date'],
          signer: form.errors['decision.signer'],
        }}
      />
    </ModalForm>
  );
}
