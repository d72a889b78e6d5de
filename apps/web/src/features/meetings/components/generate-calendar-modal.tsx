import { NumberInput, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CommitteeDetail } from '@steerco/contract/committees';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalForm } from '../../../components/modal-form.tsx';
import { useGenerateCalendar } from '../api.ts';

/**
 * Lập lịch họp năm (R8): drafts one periodic meeting per quarter from the regulation's settings (the second
 * is the six-month review, the fourth the annual review); quarters already planned are left alone.
 */
export function GenerateCalendarModal({
  committee,
  defaultYear,
  onClose,
}: {
  committee: CommitteeDetail;
  defaultYear: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const generate = useGenerateCalendar();
  const [year, setYear] = useState<number | string>(defaultYear);
  const valid = typeof year === 'number' && Number.isInteger(year) && year >= 2000 && year <= 2100;
  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t('meetings.generate.title')}
      submitLabel={t('meetings.generate.submit')}
      submitting={generate.isPending}
      error={generate.error}
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid) return;
        generate.mutate(
          { committeeId: committee.id, year },
          {
            onSuccess: ({ created }) => {
              notifications.show({
                color: created.length ? 'green' : 'blue',
                message: created.length
                  ? t('meetings.generate.done', { count: created.length, year })
                  : t('meetings.generate.nothing', { year }),
              });
              onClose();
            },
          },
        );
      }}
    >
      <Text size="sm">{t('meetings.generate.explain', { committee: committee.name })}</Text>
      <NumberInput
        label={t('meetings.generate.year')}
        withAsterisk
        min={2000}
        max={2100}
        allowDecimal={false}
        thousandSeparator=""
        value={year}
        onChange={setYear}
        error={valid ? undefined : t('validation.invalid')}
      />
    </ModalForm>
  );
}
