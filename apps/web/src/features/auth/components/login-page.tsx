import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useNavigate, useRouter } from '@tanstack/react-router';
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
  const router = useRouter();
  const login = useLogin();
  const [opening, setOpening] = useState(false);
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
      onSuccess: async (session) => {
        const href = session.user.mustChangePassword
          ? router.buildLocation({ to: '/doi-mat-khau', search: { redirect: redirectTo } }).href
          : redirectTo;
        // The next page is loaded lazily (router.tsx): fetch it before the address changes, so that the address
        // and the page shown change together, as they did when every page came with the first download.
        const next = new URL(href, window.location.origin);
        setOpening(true);
        try {
          await router.preloadRoute({
            to: next.pathname,
            search: () => Object.fromEntries(next.searchParams),
          });
        } finally {
          setOpening(false);
        }
        await navigate({ href });
      },
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
          <Button type="submit" fullWidth loading={login.isPending || opening} mt="xs">
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
