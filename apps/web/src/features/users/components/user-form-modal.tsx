import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { Email, Phone } from '@steerco/contract/common';
import { type SystemRole, type User, Username } from '@steerco/contract/users';
import { useTranslation } from 'react-i18next';
import { ModalForm } from '../../../components/modal-form.tsx';
import { problemOutsideFields, setFieldErrorsFromProblem } from '../../../lib/form-problem.ts';
import { UnitPicker } from '../../units/components/unit-picker.tsx';
import { useCreateUser, useUpdateUser } from '../api.ts';

const ROLE_OPTIONS = ['none', 'unitAdmin', 'systemAdmin'] as const;
type RoleOption = (typeof ROLE_OPTIONS)[number];

const fieldOfCode = { 'user.usernameTaken': 'username', 'user.emailTaken': 'email' } as const;

/** Optional text: empty means "none" to the API. */
const optional = (value: string) => value.trim() || null;

interface UserFormModalProps {
  /** The account to edit; absent to create one. */
  user?: User;
  /** Only system administrators grant administrative roles. */
  canAssignRoles: boolean;
  onCreated: (result: { user: User; initialPassword: string }) => void;
  onClose: () => void;
}

export function UserFormModal({ user, canAssignRoles, onCreated, onClose }: UserFormModalProps) {
  const { t } = useTranslation();
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const mutation = user ? updateUser : createUser;

  const form = useForm({
    initialValues: {
      username: user?.username ?? '',
      fullName: user?.fullName ?? '',
      position: user?.position ?? '',
      unitId: user?.unitId ?? null,
      email: user?.email ?? '',
      phone: user?.phone ?? '',
      systemRole: (user?.systemRole ?? 'none') as RoleOption,
    },
    // The contract's own rules, with messages in the user's language.
    validate: {
      username: (value) =>
        user || Username.safeParse(value).success ? null : t('users.form.usernameInvalid'),
      fullName: (value) => (value.trim() ? null : t('common.required')),
      unitId: (value) => (value ? null : t('common.required')),
      email: (value) =>
        !value.trim() || Email.safeParse(value.trim()).success ? null : t('users.form.emailInvalid'),
      phone: (value) =>
        !value.trim() || Phone.safeParse(value).success ? null : t('users.form.phoneInvalid'),
    },
  });

  const submit = form.onSubmit((values) => {
    const fields = {
      fullName: values.fullName.trim(),
      position: optional(values.position),
      unitId: values.unitId,
      email: optional(values.email),
      phone: optional(values.phone),
      ...(canAssignRoles
        ? { systemRole: values.systemRole === 'none' ? null : (values.systemRole as SystemRole) }
        : {}),
    };
    const onError = (error: unknown) => setFieldErrorsFromProblem(form, error, fieldOfCode);
    if (user) {
      updateUser.mutate(
        { id: user.id, body: fields },
        {
          onSuccess: (saved) => {
            notifications.show({ color: 'green', message: t('users.saved', { name: saved.fullName }) });
            onClose();
          },
          onError,
        },
      );
    } else {
      createUser.mutate(
        { ...fields, username: values.username.trim().toLowerCase() },
        { onSuccess: onCreated, onError },
      );
    }
  });

  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t(user ? 'users.form.editTitle' : 'users.form.createTitle')}
      onSubmit={submit}
      submitLabel={user ? undefined : t('users.form.submitCreate')}
      submitting={mutation.isPending}
      error={problemOutsideFields(mutation.error, fieldOfCode)}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label={t('users.form.username')}
          description={user ? undefined : t('users.form.usernameHint')}
          withAsterisk={!user}
          disabled={!!user}
          autoCapitalize="none"
          spellCheck={false}
          data-autofocus={user ? undefined : true}
          {...form.getInputProps('username')}
        />
        <TextInput
          label={t('users.form.fullName')}
          withAsterisk
          data-autofocus={user ? true : undefined}
          {...form.getInputProps('fullName')}
        />
      </SimpleGrid>
      <TextInput label={t('users.form.position')} {...form.getInputProps('position')} />
      <UnitPicker
        label={t('users.form.unit')}
        withAsterisk
        initialUnit={user?.unitId && user.unitName ? { id: user.unitId, name: user.unitName } : null}
        value={form.values.unitId}
        onChange={(unitId) => form.setFieldValue('unitId', unitId)}
        error={form.errors.unitId}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput label={t('users.form.email')} type="email" {...form.getInputProps('email')} />
        <TextInput label={t('users.form.phone')} type="tel" {...form.getInputProps('phone')} />
      </SimpleGrid>
      {canAssignRoles && (
        <Select
          label={t('users.form.role')}
          description={t('users.form.roleHint')}
          data={ROLE_OPTIONS.map((role) => ({ value: role, label: t(`users.roles.${role}`) }))}
          allowDeselect={false}
          {...form.getInputProps('systemRole')}
        />
      )}
    </ModalForm>
  );
}
