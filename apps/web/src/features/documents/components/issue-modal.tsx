import { Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OfficialDocument } from '@steerco/contract/documents';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field.tsx';
import { ModalForm } from '../../../components/modal-form.tsx';
import { membersQueryOptions } from '../../committees/api.ts';
import { useIssueDocument } from '../api.ts';

/**
 * Ký ban hành: the head, or a deputy under a delegation to sign (the server checks the right on the issue date
 * and answers with the problem otherwise); the number is taken at issue.
 */
export function IssueModal({
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
  const issue = useIssueDocument(doc.id);
  const signers = (members.data ?? []).filter((m) => m.role === 'head' || m.role === 'deputyHead');
  const [signer, setSigner] = useState<string | null>(null);
  const [issuedOn, setIssuedOn] = useState<string | null>(null);
  const chosen = signer ?? signers.find((m) => m.role === 'head')?.id ?? null;
  return (
    <ModalForm
      opened={opened}
      onClose={() => {
        issue.reset();
        onClose();
      }}
      title={t('documents.issue.title')}
      submitLabel={t('documents.issue.submit')}
      submitting={issue.isPending}
      error={issue.error}
      onSubmit={(event) => {
        event.preventDefault();
        if (!chosen) return;
        issue.mutate(
          { signerMembershipId: chosen, ...(issuedOn ? { issuedOn } : {}) },
          {
            onSuccess: (issued) => {
              notifications.show({
                color: 'green',
                message: t('documents.done.issued', { number: issued.numberText }),
              });
              onClose();
            },
          },
        );
      }}
    >
      <Select
        label={t('documents.issue.signer')}
        description={t('documents.issue.signerHint')}
        data={signers.map((m) => ({
          value: m.id,
          label: `${m.fullName} — ${t(`committees.roles.${m.role}`)}`,
        }))}
        value={chosen}
        onChange={setSigner}
        withAsterisk
        comboboxProps={{ withinPortal: true }}
      />
      <DateField
        label={t('documents.issue.issuedOn')}
        description={t('documents.issue.issuedOnHint')}
        value={issuedOn}
        onChange={setIssuedOn}
      />
    </ModalForm>
  );
}
