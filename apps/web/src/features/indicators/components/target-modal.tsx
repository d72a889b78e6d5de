import { NumberInput, Select, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Scorecard, ScorecardRow } from '@steerco/contract/indicators';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalForm } from '../../../components/modal-form.tsx';
import { planQueryOptions, plansQueryOptions } from '../../plans/api.ts';
import { useSetTarget } from '../api.ts';

/** The largest target a percentage can have; other units are open-ended. */
export const targetMax = (unit: string) => (unit === 'percent' ? 100 : undefined);

/**
 * Sets an indicator's target for the year (R19): as the committee above, or — the committee's own steering
 * roles — in its annual work plan of that year, naming the plan item the target serves.
 */
export function TargetModal({
  committeeId,
  year,
  from,
  row,
  onClose,
}: {
  committeeId: string;
  year: number;
  from: NonNullable<Scorecard['targetFrom']>;
  row: ScorecardRow;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSetTarget(committeeId);
  const { indicator } = row;
  const [value, setValue] = useState<string | number>(row.target ?? '');
  const [note, setNote] = useState('');
  const [planItemId, setPlanItemId] = useState<string | null>(null);
  const [error, setError] = useState<{ value?: string; item?: string }>({});
  const ownPlan = from === 'ownPlan';
  const plans = useQuery({ ...plansQueryOptions(committeeId), enabled: ownPlan });
  const plan = plans.data?.find((p) => p.year === year && p.status !== 'cancelled');
  const detail = useQuery({ ...planQueryOptions(plan?.id ?? ''), enabled: ownPlan && !!plan });
  const max = targetMax(indicator.unit);
  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t('indicators.target.title', { name: indicator.name })}
      submitLabel={t('indicators.target.submit')}
      submitting={save.isPending}
      error={save.error}
      onSubmit={(event) => {
        event.preventDefault();
        const errors: typeof error = {};
        if (value === '' || Number.isNaN(Number(value))) errors.value = t('common.required');
        if (ownPlan && !planItemId) errors.item = t('indicators.target.itemRequired');
        setError(errors);
        if (errors.value || errors.item) return;
        save.mutate(
          {
            indicatorId: indicator.id,
            value: Number(value),
            note: note.trim() || null,
            ...(ownPlan ? { planItemId } : {}),
          },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('indicators.target.saved') });
              onClose();
            },
          },
        );
      }}
    >
      <Text size="sm" c="dimmed">
        {t(ownPlan ? 'indicators.target.ownPlanHint' : 'indicators.target.aboveHint', { year })}
      </Text>
      <NumberInput
        label={t('indicators.target.value', { year })}
        withAsterisk
        decimalScale={2}
        min={0}
        max={max}
        suffix={indicator.unit === 'percent' ? ' %' : undefined}
        value={value}
        error={error.value}
        onChange={(v) => {
          setValue(v);
          setError((e) => ({ ...e, value: undefined }));
        }}
      />
      {ownPlan && (
        <Select
          label={t('indicators.target.planItem', { year })}
          withAsterisk
          searchable
          nothingFoundMessage={t('indicators.target.noPlan', { year })}
          data={(detail.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.position}. ${i.title}` }))}
          value={planItemId}
          error={error.item}
          onChange={(v) => {
            setPlanItemId(v);
            setError((e) => ({ ...e, item: undefined }));
          }}
        />
      )}
      <Textarea
        label={t('indicators.target.note')}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
    </ModalForm>
  );
}
