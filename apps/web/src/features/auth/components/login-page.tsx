import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
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
  // Two fields: plain state rather than @mantine/form, which the first page of every visit would download.
  const [values, setValues] = useState({ username: '', password: '' });
  const [missing, setMissing] = useState({ username: false, password: false });
  const field = (name: 'username' | 'password') => ({
    value: values[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setValues((v) => ({ ...v, [name]: value }));
      setMissing((m) => ({ ...m, [name]: false }));
    },
    error: missing[name] ? t('common.required') : undefined,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const blank = { username: !values.username.trim(), password: !values.password };
    setMissing(blank);
    if (blank.username || blank.password) return;
    login.mutate(values, {
      onSuccess: (session) =>
        session.user.mustChangePassword
          ? navigate({ to: '/doi-mat-khau', search: { redirect: redirectTo } })
          : navigate({ href: redirectTo }),
    });
  };

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
            {...field('username')}
          />
          <PasswordInput label={t('login.password')} autoComplete="current-password" {...field('password')} />
          <Button type="submit" fullWidth loading={login.isPending} mt="xs">
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
