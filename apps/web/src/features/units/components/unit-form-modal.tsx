import { Checkbox, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Unit, UnitLevel } from '@steerco/contract/units';
import { useTranslation } from 'react-i18next';
import { ModalForm } from '../../../components/modal-form.tsx';
import { problemOutsideFields, setFieldErrorsFromProblem } from '../../../lib/form-problem.ts';
import { CHILD_LEVELS, useCreateUnit, useUpdateUnit } from '../api.ts';

/** Adding a unit under `parent`, or editing `unit`. */
export type UnitDialog = { mode: 'create'; parent: Unit } | { mode: 'edit'; unit: Unit };

const fieldOfCode = { 'unit.codeTaken': 'code' } as const;

/** Optional text: empty means "none" to the API. */
const optional = (value: string) => value.trim() || null;

export function UnitFormModal({ dialog, onClose }: { dialog: UnitDialog; onClose: () => void }) {
  const { t } = useTranslation();
  const createUnit = useCreateUnit();
  const updateUnit = useUpdateUnit();
  const mutation = dialog.mode === 'create' ? createUnit : updateUnit;
  const childLevels = dialog.mode === 'create' ? CHILD_LEVELS[dialog.parent.level] : [];
  const editing = dialog.mode === 'edit' ? dialog.unit : null;

  const form = useForm({
    initialValues: {
      level: (childLevels[0] ?? 'agency') as UnitLevel,
      code: editing?.code ?? '',
      name: editing?.name ?? '',
      shortName: editing?.shortName ?? '',
      // A unit added under sample data is most likely sample data too.
      isSample: editing ? editing.isSample : dialog.mode === 'create' && dialog.parent.isSample,
    },
    validate: { name: (value) => (value.trim() ? null : t('common.required')) },
  });

  const handlers = {
    onSuccess: (unit: Unit) => {
      notifications.show({
        color: 'green',
        message: t(dialog.mode === 'create' ? 'units.created' : 'units.saved', { name: unit.name }),
      });
      onClose();
    },
    onError: (error: unknown) => setFieldErrorsFromProblem(form, error, fieldOfCode),
  };

  const submit = form.onSubmit((values) => {
    const fields = {
      code: optional(values.code),
      name: values.name.trim(),
      shortName: optional(values.shortName),
      isSample: values.isSample,
    };
    if (dialog.mode === 'create') {
      createUnit.mutate({ ...fields, level: values.level, parentId: dialog.parent.id }, handlers);
    } else {
      updateUnit.mutate({ id: dialog.unit.id, body: fields }, handlers);
    }
  });

  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t(dialog.mode === 'create' ? 'units.form.createTitle' : 'units.form.editTitle')}
      onSubmit={submit}
      submitting={mutation.isPending}
      error={problemOutsideFields(mutation.error, fieldOfCode)}
    >
      {dialog.mode === 'create' && (
        <>
          <TextInput label={t('units.form.parent')} value={dialog.parent.name} readOnly variant="filled" />
          <Select
            label={t('units.form.level')}
            data={childLevels.map((level) => ({ value: level, label: t(`units.levels.${level}`) }))}
            allowDeselect={false}
            {...form.getInputProps('level')}
          />
        </>
      )}
      <TextInput label={t('units.form.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
      <TextInput label={t('units.form.shortName')} {...form.getInputProps('shortName')} />
      <TextInput
        label={t('units.form.code')}
        description={t('units.form.codeHint')}
        {...form.getInputProps('code')}
      />
      <Checkbox label={t('units.form.isSample')} {...form.getInputProps('isSample', { type: 'checkbox' })} />
    </ModalForm>
  );
}
