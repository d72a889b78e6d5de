import { FileInput, NumberInput, Select, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { PERIODS_PER_YEAR, periodLabel, type ScorecardRow } from '@steerco/contract/indicators';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalForm } from '../../../components/modal-form.tsx';
import { useEnterValue } from '../api.ts';

/** The owner unit enters a period's figure with its evidence; the standing agency approves it. */
export function EnterValueModal({
  committeeId,
  row,
  onClose,
}: {
  committeeId: string;
  row: ScorecardRow;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const enter = useEnterValue(committeeId);
  const { indicator } = row;
  const periods = PERIODS_PER_YEAR[indicator.frequency];
  const [period, setPeriod] = useState(String(Math.min(periods, (row.latest?.period ?? 0) + 1)));
  const [value, setValue] = useState<string | number>('');
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t('indicators.enterModal.title', { name: indicator.name })}
      submitLabel={t('indicators.enterModal.submit')}
      submitting={enter.isPending}
      error={enter.error}
      onSubmit={(event) => {
        event.preventDefault();
        if (value === '' || Number.isNaN(Number(value))) return setError(t('common.required'));
        enter.mutate(
          {
            indicatorId: indicator.id,
            period: Number(period),
            value: Number(value),
            note: note.trim() || null,
            files,
          },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('indicators.enterModal.sent') });
              onClose();
            },
          },
        );
      }}
    >
      <Select
        label={t('indicators.enterModal.period')}
        data={Array.from({ length: periods }, (_, i) => ({
          value: String(i + 1),
          label: periodLabel(indicator.frequency, i + 1),
        }))}
        value={period}
        onChange={(v) => v && setPeriod(v)}
        allowDeselect={false}
      />
      <NumberInput
        label={t('indicators.enterModal.value')}
        withAsterisk
        decimalScale={2}
        suffix={indicator.unit === 'percent' ? ' %' : undefined}
        value={value}
        error={error}
        onChange={(v) => {
          setValue(v);
          setError(null);
        }}
      />
      <Textarea
        label={t('indicators.enterModal.note')}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <FileInput
        label={t('indicators.enterModal.evidence')}
        description={t('indicators.enterModal.evidenceHint')}
        multiple
        clearable
        accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
        value={files}
        onChange={setFiles}
      />
    </ModalForm>
  );
}
