import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/problem.ts';

interface ProblemAlertProps {
  error: unknown;
  /** Shown as a retry button when given. */
  onRetry?: () => void;
}

/**
 * Shows a failed call the way the API explained it: the problem's Vietnamese `title`, then its `detail`.
 * Errors that never reached the API (offline, DNS) get a connection message instead.
 */
export function ProblemAlert({ error, onRetry }: ProblemAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const { title, detail } = describeError(error, {
    generic: t('errors.generic'),
    network: t('errors.network'),
  });
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} />} title={title} role="alert">
      {detail && <Text size="sm">{detail}</Text>}
      {onRetry && (
        <Group mt="sm">
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}

function describeError(error: unknown, texts: { generic: string; network: string }) {
  if (isApiProblem(error)) return { title: error.problem.title, detail: error.problem.detail };
  // fetch() rejects with a TypeError when the server cannot be reached at all.
  if (error instanceof TypeError) return { title: texts.generic, detail: texts.network };
  return { title: texts.generic, detail: error instanceof Error ? error.message : undefined };
}
