import { SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field.tsx';

/** A decision's fields in a form: number and symbol, date issued, signer. */
export interface DecisionValues {
  number: string;
  date: string | null;
  signer: string;
}

export const emptyDecision = (): DecisionValues => ({ number: '', date: null, signer: '' });

export const decisionValuesOf = (
  decision: { number: string; date: string; signer?: string | null } | null | undefined,
): DecisionValues =>
  decision
    ? { number: decision.number, date: decision.date, signer: decision.signer ?? '' }
    : emptyDecision();

/**
 * The body of an optional decision: null when left empty; otherwise what was typed (a half-filled decision is
 * then reported field by field by the contract's schema).
 */
export function decisionBodyOf(values: DecisionValues) {
  const number = values.number.trim();
  const signer = values.signer.trim();
  if (!number && !values.date && !signer) return null;
  return { number: number || undefined, date: values.date ?? undefined, signer: signer || null } as {
    number: string;
    date: string;
    signer: string | null;
  };
}

interface DecisionFieldsProps {
  legend: ReactNode;
  description?: ReactNode;
  required?: boolean;
  values: DecisionValues;
  errors: { number?: ReactNode; date?: ReactNode; signer?: ReactNode };
  onChange: (values: DecisionValues) => void;
}

/** Number, date and signer of a decision, side by side on wide screens. */
export function DecisionFields({
  legend,
  description,
  required,
  values,
  errors,
  onChange,
}: DecisionFieldsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Text component="legend" size="sm" fw={500} p={0}>
        {legend}
        {required && (
          <Text span c="red" aria-hidden>
            {' *'}
          </Text>
        )}
      </Text>
      {description && (
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          label={t('decision.number')}
          placeholder={t('decision.numberPlaceholder')}
          withAsterisk={required}
          value={values.number}
          onChange={(event) => onChange({ ...values, number: event.currentTarget.value })}
          error={errors.number}
        />
        <DateField
          label={t('decision.date')}
          withAsterisk={required}
          value={values.date}
          onChange={(date) => onChange({ ...values, date })}
          error={errors.date}
        />
        <TextInput
          label={t('decision.signer')}
          value={values.signer}
          onChange={(event) => onChange({ ...values, signer: event.currentTarget.value })}
          error={errors.signer}
        />
      </SimpleGrid>
    </Stack>
  );
}
