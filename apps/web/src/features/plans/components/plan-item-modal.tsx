import {
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { CommitteeDetail } from '@steerco/contract/committees';
import { formatDate } from '@steerco/contract/datetime';
import type { PlanDetail, PlanItemInput } from '@steerco/contract/plans';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../../api/problem.ts';
import { DateField } from '../../../components/date-field.tsx';
import { ModalForm } from '../../../components/modal-form.tsx';
import { textOrNull } from '../../../lib/schema-errors.ts';
import { membersQueryOptions } from '../../committees/api.ts';
import { domainShort } from '../../committees/components/committee-badges.tsx';
import { LeadPicker, type LeadValues, leadRules } from '../../tasks/components/lead-picker.tsx';
import { useUpdatePlan } from '../api.ts';
import { inputOf, itemFieldErrors, QUARTERS, quarterEnd, quarterStart, ROMAN } from '../plans.ts';

interface Values extends LeadValues {
  domain: string | null;
  quarter: string;
  title: string;
  content: string;
  cooperatingUnitIds: string[];
  expectedProduct: string;
  deadline: string | null;
}

const FIELDS: (keyof Values)[] = [
  'domain',
  'quarter',
  'title',
  'content',
  'leadUnitId',
  'leadMembershipId',
  'cooperatingUnitIds',
  'expectedProduct',
  'deadline',
];

/**
 * Adds or edits one item of a draft plan. The whole list is sent (the server validates it as a whole: domain of
 * the committee, R1 lead, quarter, deadline in the plan year), and its answer for this item lands on the fields.
 */
export function PlanItemModal({
  plan,
  committee,
  index,
  onClose,
}: {
  plan: PlanDetail;
  committee: CommitteeDetail;
  /** The item edited, or null to add one. */
  index: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdatePlan(plan.id);
  const members = useQuery(membersQueryOptions(committee.id));
  const seats = (members.data ?? []).filter((m) => m.role !== 'guest');
  const memberOptions = seats.map((m) => ({ value: m.id, label: m.fullName }));
  const units = new Map(seats.filter((m) => m.unitId).map((m) => [m.unitId!, m.unitName ?? m.unitId!]));
  // Units already named in the plan stay choosable even when no member sits for them any more.
  for (const i of plan.items) {
    if (i.leadUnit) units.set(i.leadUnit.id, i.leadUnit.name);
    for (const u of i.cooperatingUnits) units.set(u.id, u.name);
  }
  const unitOptions = [...units.entries()]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  const editing = index === null ? null : plan.items[index]!;

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      domain: editing?.domain ?? committee.domains[0]?.code ?? null,
      quarter: String(editing?.quarter ?? 1),
      title: editing?.title ?? '',
      content: editing?.content ?? '',
      leadKind: editing?.leadMember ? 'member' : 'unit',
      leadUnitId: editing?.leadUnit?.id ?? null,
      leadMembershipId: editing?.leadMember?.membershipId ?? null,
      cooperatingUnitIds: editing?.cooperatingUnits.map((u) => u.id) ?? [],
      expectedProduct: editing?.expectedProduct ?? '',
      deadline: editing?.deadline ?? null,
    },
    validate: {
      domain: (v) => (v ? null : t('common.required')),
      title: (v) => (v.trim() ? null : t('common.required')),
      ...leadRules(t('plans.item.chooseLead')),
    },
  });
  const v = form.getValues();
  const quarter = Number(v.quarter);

  const at = index ?? plan.items.length;
  // A problem of this item's fields is shown on them; anything else (another item, the plan) above the buttons.
  const onFields =
    isApiProblem(update.error) &&
    Object.keys(itemFieldErrors(update.error.problem.errors, at)).some((f) =>
      FIELDS.includes(f as keyof Values),
    );

  const submit = form.onSubmit((values) => {
    const item: PlanItemInput = {
      domain: values.domain!,
      quarter: Number(values.quarter),
      title: values.title.trim(),
      content: textOrNull(values.content),
      leadUnitId: values.leadKind === 'unit' ? values.leadUnitId : null,
      leadMembershipId: values.leadKind === 'member' ? values.leadMembershipId : null,
      cooperatingUnitIds: values.cooperatingUnitIds.filter(
        (u) => values.leadKind !== 'unit' || u !== values.leadUnitId,
      ),
      expectedProduct: textOrNull(values.expectedProduct),
      deadline: values.deadline,
    };
    const items = plan.items.map(inputOf);
    items[at] = item;
    update.mutate(
      { items },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('plans.item.saved') });
          onClose();
        },
        onError: (error) => {
          if (!isApiProblem(error)) return;
          const fields = itemFieldErrors(error.problem.errors, at);
          form.setErrors(
            Object.fromEntries(Object.entries(fields).filter(([f]) => FIELDS.includes(f as keyof Values))),
          );
        },
      },
    );
  });

  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t(index === null ? 'plans.item.addTitle' : 'plans.item.editTitle')}
      onSubmit={submit}
      submitting={update.isPending}
      error={onFields ? null : update.error}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label={t('plans.item.domain')}
          data={committee.domains.map((d) => ({
            value: d.code,
            label: `${domainShort(d.code)} — ${d.name}`,
          }))}
          withAsterisk
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('domain')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('plans.item.quarter')}
          </Text>
          <SegmentedControl
            aria-label={t('plans.item.quarter')}
            data={QUARTERS.map((q) => ({
              value: String(q),
              label: t('plans.items.quarter', { q: ROMAN[q - 1] }),
            }))}
            {...form.getInputProps('quarter')}
          />
        </Stack>
      </SimpleGrid>
      <TextInput label={t('plans.item.title')} withAsterisk {...form.getInputProps('title')} />
      <Textarea label={t('plans.item.content')} autosize minRows={2} {...form.getInputProps('content')} />
      <LeadPicker
        form={form}
        title={t('plans.item.leadKind')}
        unitOptions={unitOptions}
        memberOptions={memberOptions}
      />
      <MultiSelect
        label={t('plans.item.cooperatingUnits')}
        data={unitOptions.filter((u) => v.leadKind !== 'unit' || u.value !== v.leadUnitId)}
        searchable
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('cooperatingUnitIds')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label={t('plans.item.product')}
          placeholder={t('plans.item.productPlaceholder')}
          {...form.getInputProps('expectedProduct')}
        />
        <DateField
          label={t('plans.item.deadline')}
          description={t('plans.item.deadlineHint', {
            year: plan.year,
            from: formatDate(quarterStart(plan.year, quarter)),
            end: formatDate(quarterEnd(plan.year, quarter)),
          })}
          defaultDate={quarterStart(plan.year, quarter)}
          value={v.deadline}
          onChange={(deadline) => form.setFieldValue('deadline', deadline)}
          error={form.errors.deadline}
        />
      </SimpleGrid>
    </ModalForm>
  );
}
