import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { NewPassword, PASSWORD_MIN_LENGTH } from '@steerco/contract/auth';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { problemOutsideFields, setFieldErrorsFromProblem } from '../../../lib/form-problem.ts';
import { useChangePassword, useLogout } from '../api.ts';
import { AuthLayout } from './auth-layout.tsx';

interface ChangePasswordPageProps {
  /** Lets password managers file the new password under the right account. */
  username: string;
  /** At first login (or after a reset) the user cannot go anywhere else until the password is changed. */
  forced: boolean;
  /** Where to go afterwards (or back to, when not forced). */
  redirectTo: string;
}

export function ChangePasswordPage({ username, forced, redirectTo }: ChangePasswordPageProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const changePassword = useChangePassword();
  const logout = useLogout();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (value) => (value ? null : t('common.required')),
      // The same rule the server enforces (contract), with the message in the user's language.
      newPassword: (value, values) => {
        if (!NewPassword.safeParse(value).success) return t('password.tooWeak', { min: PASSWORD_MIN_LENGTH });
        return value === values.currentPassword ? t('password.sameAsCurrent') : null;
      },
      confirmPassword: (value, values) => (value === values.newPassword ? null : t('password.mismatch')),
    },
  });
  const fieldOfCode = { 'auth.wrongPassword': 'currentPassword' } as const;

  const submit = form.onSubmit(({ currentPassword, newPassword }) =>
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('password.changed') });
          void navigate({ href: redirectTo });
        },
        onError: (error) => setFieldErrorsFromProblem(form, error, fieldOfCode),
      },
    ),
  );

  return (
    <AuthLayout title={t('password.title')}>
      <form onSubmit={submit} noValidate>
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        <Stack gap="md">
          <Alert color={forced ? 'yellow' : 'blue'} variant="light">
            {forced ? t('password.forcedNotice') : t('password.voluntaryNotice')}
          </Alert>
          <PasswordInput
            label={t('password.current')}
            autoComplete="current-password"
            data-autofocus
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('password.new')}
            description={t('password.rules', { min: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label={t('password.confirm')}
            autoComplete="new-password"
            {...form.getInputProps('confirmPassword')}
          />
          <ProblemAlert error={problemOutsideFields(changePassword.error, fieldOfCode)} />
          <Button type="submit" fullWidth loading={changePassword.isPending}>
            {t('password.submit')}
          </Button>
          <Group justify="center">
            {forced ? (
              <Button
                variant="subtle"
                color="gray"
                loading={logout.isPending}
                onClick={() => logout.mutate(undefined, { onSettled: () => navigate({ to: '/dang-nhap' }) })}
              >
                {t('password.logoutInstead')}
              </Button>
            ) : (
              <Button variant="subtle" color="gray" onClick={() => navigate({ href: redirectTo })}>
                {t('password.back')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
