import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import type { User } from '@steerco/contract/users';
import { IconCheck, IconCopy, IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface InitialPasswordModalProps {
  user: User;
  initialPassword: string;
  onClose: () => void;
}

/**
 * Shows a new account's (or a reset account's) one-time password. The server never shows it again, so the
 * dialog closes only through its button, not by clicking outside.
 */
export function InitialPasswordModal({ user, initialPassword, onClose }: InitialPasswordModalProps) {
  const { t } = useTranslation();
  const [copyFailed, setCopyFailed] = useState(false);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('initialPassword.title')}
      closeOnClickOutside={false}
      closeOnEscape={false}
      withCloseButton={false}
    >
      <Stack gap="md">
        <Text size="sm">{t('initialPassword.intro', { username: user.username, name: user.fullName })}</Text>
        <Stack gap={4}>
          <Group gap="sm" wrap="nowrap" align="flex-end">
            <TextInput
              label={t('initialPassword.label')}
              value={initialPassword}
              readOnly
              onFocus={(event) => event.currentTarget.select()}
              style={{ flex: 1 }}
              styles={{
                input: {
                  fontFamily: 'var(--mantine-font-family-monospace)',
                  fontSize: 18,
                  letterSpacing: '0.05em',
                },
              }}
            />
            <CopyButton value={initialPassword}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'default'}
                  color={copied ? 'green' : undefined}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  onClick={() => {
                    // The clipboard API exists only on https and localhost.
                    if (navigator.clipboard) copy();
                    else setCopyFailed(true);
                  }}
                >
                  {copied ? t('initialPassword.copied') : t('initialPassword.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          {copyFailed && (
            <Text size="xs" c="red">
              {t('initialPassword.copyFailed')}
            </Text>
          )}
        </Stack>
        <Alert color="yellow" variant="light" icon={<IconShieldLock size={18} />}>
          {t('initialPassword.warning')}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('initialPassword.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
