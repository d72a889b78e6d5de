import { Loader, Modal, Stack, Switch, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications as toast } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ModalForm } from '../../../components/modal-form.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import {
  type NotificationPreferences,
  notificationPreferencesQueryOptions,
  useUpdateNotificationPreferences,
} from '../api.ts';

const KINDS = ['emailReminders', 'emailEscalations', 'emailDigest'] as const;

/** Which task e-mails I receive; the notification centre keeps everything whatever I choose. */
export function NotificationPreferencesModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const prefs = useQuery({ ...notificationPreferencesQueryOptions, enabled: opened });
  if (!opened) return null;
  if (!prefs.data) {
    return (
      <Modal opened onClose={onClose} title={t('notifications.preferences.title')} size="lg">
        {prefs.error ? <ProblemAlert error={prefs.error} /> : <Loader size="sm" />}
      </Modal>
    );
  }
  return <PreferencesForm initial={prefs.data} onClose={onClose} />;
}

function PreferencesForm({ initial, onClose }: { initial: NotificationPreferences; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateNotificationPreferences();
  const form = useForm<NotificationPreferences>({ initialValues: initial });
  const submit = form.onSubmit((values) =>
    update.mutate(values, {
      onSuccess: () => {
        toast.show({ color: 'green', message: t('notifications.preferences.saved') });
        onClose();
      },
    }),
  );
  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t('notifications.preferences.title')}
      onSubmit={submit}
      submitting={update.isPending}
      error={update.error}
    >
      <Text size="sm" c="dimmed">
        {t('notifications.preferences.intro')}
      </Text>
      <Stack gap="md">
        {KINDS.map((kind) => (
          <Switch
            key={kind}
            label={t(`notifications.preferences.${kind}`)}
            description={t(`notifications.preferences.${kind}Hint`)}
            {...form.getInputProps(kind, { type: 'checkbox' })}
          />
        ))}
      </Stack>
    </ModalForm>
  );
}
