import { ActionIcon, Button, Group, Select, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import type { CommitteeDetail } from '@steerco/contract/committees';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { domainShort } from './committee-badges.tsx';

/** One editable duty item (R7): its domain (none: general) and its text; `key` keeps React rows stable. */
export interface DutyItemValues {
  key: string;
  id?: string;
  domain: string | null;
  text: string;
}

interface DutyListFieldsProps<V> {
  // biome-ignore lint/suspicious/noExplicitAny: the list lives at `path` of any form
  form: UseFormReturnType<V, any>;
  /** Where the list lives in the form's values, e.g. 'items' or 'duties'. */
  path: string;
  items: DutyItemValues[];
  committee: Pick<CommitteeDetail, 'domains'>;
  /** How many lines a long duty grows to before it scrolls. */
  maxRows?: number;
  /** Show the field's name inside each empty text box. */
  placeholders?: boolean;
}

const newDuty = (): DutyItemValues => ({ key: randomId(), domain: null, text: '' });

/** A member's duty list as rows of domain and text, with a button to add one and one per row to remove it. */
export function DutyListFields<V>({
  form,
  path,
  items,
  committee,
  maxRows = 8,
  placeholders,
}: DutyListFieldsProps<V>) {
  const { t } = useTranslation();
  const domains = committee.domains.map((d) => ({ value: d.code, label: domainShort(d.code) }));
  return (
    <>
      {items.map((item, index) => (
        <Group key={item.key} gap="xs" align="flex-start" wrap="nowrap">
          <Select
            aria-label={t('members.form.dutyDomain', { index: index + 1 })}
            placeholder={t('committees.domainGeneral')}
            clearable
            data={domains}
            w={110}
            style={{ flexShrink: 0 }}
            {...form.getInputProps(`${path}.${index}.domain`)}
          />
          <Textarea
            aria-label={t('members.form.dutyText', { index: index + 1 })}
            placeholder={placeholders ? t('members.form.dutyText', { index: index + 1 }) : undefined}
            autosize
            minRows={1}
            maxRows={maxRows}
            style={{ flex: 1 }}
            {...form.getInputProps(`${path}.${index}.text`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={6}
            aria-label={t('members.form.removeDuty', { index: index + 1 })}
            onClick={() => form.removeListItem(path, index)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => form.insertListItem(path, newDuty() as never)}
        >
          {t('members.form.addDuty')}
        </Button>
      </Group>
    </>
  );
}
