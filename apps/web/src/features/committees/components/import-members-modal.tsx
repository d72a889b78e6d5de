import { Anchor, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { hasProblemCode } from '../../../api/problem.ts';
import { ModalForm } from '../../../components/modal-form.tsx';
import { MEMBERS_TEMPLATE_URL, useImportMembers } from '../api.ts';

/** Imports the member list from the Excel template; a file with bad rows is refused whole, rows listed. */
export function ImportMembersModal({ committeeId, onClose }: { committeeId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const importMembers = useImportMembers(committeeId);
  const form = useForm<{ file: File | null }>({
    initialValues: { file: null },
    validate: { file: (file) => (file ? null : t('common.required')) },
  });
  const rowErrors = hasProblemCode(importMembers.error, 'import.invalidRows')
    ? (importMembers.error.problem.rowErrors ?? [])
    : [];

  const submit = form.onSubmit(({ file }) => {
    if (!file) return;
    importMembers.mutate(file, {
      onSuccess: ({ imported }) => {
        notifications.show({ color: 'green', message: t('importMembers.imported', { count: imported }) });
        onClose();
      },
    });
  });

  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t('importMembers.title')}
      onSubmit={submit}
      submitLabel={t('importMembers.submit')}
      submitting={importMembers.isPending}
      error={importMembers.error}
    >
      <Text size="sm">{t('importMembers.intro')}</Text>
      <Group>
        <Anchor href={MEMBERS_TEMPLATE_URL} download size="sm">
          <Group gap={4} wrap="nowrap">
            <IconDownload size={16} aria-hidden />
            {t('importMembers.template')}
          </Group>
        </Anchor>
      </Group>
      <FileInput
        label={t('importMembers.file')}
        placeholder={t('importMembers.filePlaceholder')}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        leftSection={<IconFileSpreadsheet size={16} />}
        clearable
        withAsterisk
        {...form.getInputProps('file')}
      />
      {rowErrors.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('importMembers.rowErrors')}
          </Text>
          <Table.ScrollContainer minWidth={420} mah={260}>
            <Table striped withTableBorder aria-label={t('importMembers.rowErrors')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{t('importMembers.row')}</Table.Th>
                  <Table.Th>{t('importMembers.field')}</Table.Th>
                  <Table.Th>{t('importMembers.message')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rowErrors.map((error) => (
                  <Table.Tr key={`${error.row}-${error.field}-${error.message}`}>
                    <Table.Td>{error.row}</Table.Td>
                    <Table.Td>{error.field}</Table.Td>
                    <Table.Td>{error.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </ModalForm>
  );
}
