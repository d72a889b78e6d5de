import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { parseVietnameseDate } from '../lib/dates.ts';

interface DateFieldProps
  extends Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser' | 'defaultValue'> {
  /** `YYYY-MM-DD`, or null when empty. */
  value: string | null;
  onChange: (value: string | null) => void;
}

/**
 * A date box showing and accepting dd/MM/yyyy (typed or picked, weeks starting on Monday), whose value is the
 * API's `YYYY-MM-DD`.
 */
export function DateField({ value, onChange, ...props }: DateFieldProps) {
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      placeholder="dd/mm/yyyy"
      dateParser={(text) => parseVietnameseDate(text)}
      leftSection={<IconCalendar size={16} aria-hidden />}
      clearable={!props.withAsterisk}
      popoverProps={{ withinPortal: true }}
      {...props}
      value={value || null}
      onChange={(next) => onChange(next ? String(next).slice(0, 10) : null)}
    />
  );
}
