import { Container } from '@mantine/core';
import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { ProblemAlert } from './problem-alert.tsx';

/**
 * The error boundary of every route: a failed loader or query shows the problem's title and detail, and
 * "try again" reloads the route with fresh queries.
 */
export function RouteErrorPage({ error }: ErrorComponentProps) {
  const router = useRouter();
  const queryErrorResetBoundary = useQueryErrorResetBoundary();

  // Let suspense queries that failed fetch again once the route re-renders.
  useEffect(() => {
    queryErrorResetBoundary.reset();
  }, [queryErrorResetBoundary]);

  return (
    <Container size="sm" py="xl">
      <ProblemAlert error={error} onRetry={() => void router.invalidate()} />
    </Container>
  );
}
