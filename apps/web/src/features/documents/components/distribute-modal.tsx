import { MultiSelect, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OfficialDocument } from '@steerco/contract/documents';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalForm } from '../../../components/modal-form.tsx';
import { membersQueryOptions } from '../../committees/api.ts';
import { useDistributeDocument } from '../api.ts';

/** Gửi văn bản: to every member in office, or to the members chosen; the server skips those already sent it. */
export function DistributeModal({
  document: doc,
  opened,
  onClose,
}: {
  document: OfficialDocument;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const members = useQuery(membersQueryOptions(doc.committeeId));
  const distribute = useDistributeDocument(doc.id);
  const [all, setAll] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [missing, setMissing] = useState(false);
  return (
    <ModalForm
      opened={opened}
      onClose={() => {
        distribute.reset();
        onClose();
      }}
      title={t('documents.distribute.title')}
      submitLabel={t('documents.distribute.submit')}
      submitting={distribute.isPending}
      error={distribute.error}
      onSubmit={(event) => {
        event.preventDefault();
        if (!all && chosen.length === 0) {
          setMissing(true);
          return;
        }
        const before = doc.distributions.length;
        distribute.mutate(all ? { allMembers: true } : { membershipIds: chosen }, {
          onSuccess: (sent) => {
            notifications.show({
              color: 'green',
              message: t('documents.done.distributed', { count: sent.distributions.length - before }),
            });
            onClose();
          },
        });
      }}
    >
      <Text size="sm" c="dimmed">
        {t('documents.distribute.hint')}
      </Text>
      <Switch
        label={t('documents.distribute.all')}
        checked={all}
        onChange={(e) => setAll(e.currentTarget.checked)}
      />
      {!all && (
        <MultiSelect
          label={t('documents.distribute.members')}
          placeholder={t('documents.distribute.membersPlaceholder')}
          data={(members.data ?? []).map((m) => ({ value: m.id, label: m.fullName }))}
          value={chosen}
          onChange={setChosen}
          error={missing && chosen.length === 0 ? t('common.required') : null}
          searchable
          comboboxProps={{ withinPortal: true }}
        />
      )}
    </ModalForm>
  );
}
