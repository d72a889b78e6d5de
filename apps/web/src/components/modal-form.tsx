import { Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './problem-alert.tsx';

interface ModalFormProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  submitLabel?: string;
  submitting: boolean;
  /** The failed save, shown above the buttons (field errors are shown on the fields themselves). */
  error?: unknown;
  children: ReactNode;
}

/** A dialog holding one form: fields, the save problem if any, and Cancel / Save. */
export function ModalForm({
  opened,
  onClose,
  title,
  onSubmit,
  submitLabel,
  submitting,
  error,
  children,
}: ModalFormProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {children}
          <ProblemAlert error={error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submitting}>
              {submitLabel ?? t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
