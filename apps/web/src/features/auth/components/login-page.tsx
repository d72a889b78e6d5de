import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { useLogin } from '../api.ts';
import { AuthLayout } from './auth-layout.tsx';

interface LoginPageProps {
  /** Where the user was going before being sent here; reached after login. */
  redirectTo: string;
}

export function LoginPage({ redirectTo }: LoginPageProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const login = useLogin();
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: {
      username: (value) => (value.trim() ? null : t('common.required')),
      password: (value) => (value ? null : t('common.required')),
    },
  });

  const submit = form.onSubmit((values) =>
    login.mutate(values, {
      onSuccess: (session) =>
        session.user.mustChangePassword
          ? navigate({ to: '/doi-mat-khau', search: { redirect: redirectTo } })
          : navigate({ href: redirectTo }),
    }),
  );

  return (
    <AuthLayout title={t('login.title')} subtitle={t('login.subtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ProblemAlert error={login.error} />
          <TextInput
            label={t('login.username')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            data-autofocus
            {...form.getInputProps('username')}
          />
          <PasswordInput
            label={t('login.password')}
            autoComplete="current-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" fullWidth loading={login.isPending} mt="xs">
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
