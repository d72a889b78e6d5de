import { ActionIcon, Button, Group, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TemplateDraftBody } from '@steerco/contract/documents';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalForm } from '../../../components/modal-form.tsx';
import { useCreateDocument, useCreateFromTemplate } from '../api.ts';
import { parsePlanItems } from '../documents.ts';

type Template = 'report' | 'plan' | 'decision' | 'notice';
interface Section {
  heading: string;
  text: string;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Drafts a report, a plan, a decision or a free notice from a form; the server lays it out per Decree 30. */
export function DraftModal({
  committeeId,
  opened,
  onClose,
}: {
  committeeId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fromTemplate = useCreateFromTemplate(committeeId);
  const free = useCreateDocument(committeeId);
  const [template, setTemplate] = useState<Template>('report');
  const [title, setTitle] = useState('');
  const [sections, setSections] = useState<Section[]>([{ heading: '', text: '' }]);
  const [body, setBody] = useState('');
  const [items, setItems] = useState('');
  const [bases, setBases] = useState('');
  const [proposal, setProposal] = useState('');
  const [articles, setArticles] = useState('');
  const [recipients, setRecipients] = useState('');
  const [itemsError, setItemsError] = useState<string | null>(null);
  const [titleError, setTitleError] = useState<string | null>(null);

  const close = () => {
    fromTemplate.reset();
    free.reset();
    onClose();
  };
  const done = (id: string) => {
    notifications.show({ color: 'green', message: t('documents.done.drafted') });
    close();
    void navigate({ to: `/van-ban/${id}` });
  };

  const submit = () => {
    setTitleError(title.trim() ? null : t('common.required'));
    if (!title.trim()) return;
    const to = lines(recipients);
    const common = { title: title.trim(), ...(to.length ? { recipients: to } : {}) };
    const filledSections = sections
      .filter((s) => s.heading.trim())
      .map((s) => ({ heading: s.heading.trim(), text: s.text }));
    if (template === 'notice') {
      free.mutate(
        {
          type: 'notice',
          ...common,
          recipients: to.length ? to : ['Các thành viên Ban Chỉ đạo', 'Lưu: VT, VP'],
          body: lines(body).map((text) => ({ type: 'paragraph' as const, text })),
        },
        { onSuccess: (doc) => done(doc.id) },
      );
      return;
    }
    let request: TemplateDraftBody;
    if (template === 'plan') {
      const parsed = parsePlanItems(items);
      setItemsError(parsed.badLine ? t('documents.draft.itemsInvalid', { line: parsed.badLine }) : null);
      if (parsed.badLine) return;
      request = { template, ...common, sections: filledSections, items: parsed.items };
    } else if (template === 'report') {
      request = { template, ...common, sections: filledSections };
    } else {
      request = {
        template,
        ...common,
        bases: lines(bases),
        ...(proposal.trim() ? { proposal: proposal.trim() } : {}),
        articles: lines(articles).map((text) => ({ text })),
      };
    }
    fromTemplate.mutate(request, { onSuccess: (doc) => done(doc.id) });
  };

  return (
    <ModalForm
      opened={opened}
      onClose={close}
      title={t('documents.draft.title')}
      submitLabel={t('documents.draft.submit')}
      submitting={fromTemplate.isPending || free.isPending}
      error={fromTemplate.error ?? free.error}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Text size="sm" c="dimmed">
        {t('documents.draft.fromMeetingHint')}
      </Text>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('documents.draft.template')}
        </Text>
        <SegmentedControl
          fullWidth
          value={template}
          onChange={(v) => setTemplate(v as Template)}
          data={(['report', 'plan', 'decision', 'notice'] as const).map((k) => ({
            value: k,
            label: t(`documents.draft.templates.${k}`),
          }))}
        />
      </Stack>
      <Textarea
        label={t('documents.draft.docTitle')}
        placeholder={t('documents.draft.docTitlePlaceholder')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={titleError}
        withAsterisk
        autosize
        minRows={1}
      />
      {(template === 'report' || template === 'plan') && (
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {t('documents.draft.sections')}
          </Text>
          {sections.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: sections have no identity but their place
            <Stack key={i} gap={4}>
              <Group gap="xs" align="flex-end" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={t('documents.draft.sectionHeading')}
                  placeholder={t('documents.draft.sectionHeadingPlaceholder')}
                  value={s.heading}
                  onChange={(e) => {
                    const heading = e.currentTarget.value;
                    setSections((all) => all.map((x, j) => (j === i ? { ...x, heading } : x)));
                  }}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('documents.draft.removeSection')}
                  onClick={() => setSections((all) => all.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
              <Textarea
                label={t('documents.draft.sectionText')}
                value={s.text}
                onChange={(e) => {
                  const text = e.currentTarget.value;
                  setSections((all) => all.map((x, j) => (j === i ? { ...x, text } : x)));
                }}
                autosize
                minRows={3}
              />
            </Stack>
          ))}
          <Group>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => setSections((all) => [...all, { heading: '', text: '' }])}
            >
              {t('documents.draft.addSection')}
            </Button>
          </Group>
        </Stack>
      )}
      {template === 'plan' && (
        <Textarea
          label={t('documents.draft.items')}
          description={t('documents.draft.itemsHint')}
          value={items}
          onChange={(e) => setItems(e.currentTarget.value)}
          error={itemsError}
          autosize
          minRows={3}
        />
      )}
      {template === 'decision' && (
        <>
          <Textarea
            label={t('documents.draft.bases')}
            placeholder={t('documents.draft.basesPlaceholder')}
            value={bases}
            onChange={(e) => setBases(e.currentTarget.value)}
            withAsterisk
            autosize
            minRows={3}
          />
          <TextInput
            label={t('documents.draft.proposal')}
            value={proposal}
            onChange={(e) => setProposal(e.currentTarget.value)}
          />
          <Textarea
            label={t('documents.draft.articles')}
            placeholder={t('documents.draft.articlesPlaceholder')}
            value={articles}
            onChange={(e) => setArticles(e.currentTarget.value)}
            withAsterisk
            autosize
            minRows={3}
          />
        </>
      )}
      {template === 'notice' && (
        <Textarea
          label={t('documents.draft.body')}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={5}
        />
      )}
      <Textarea
        label={t('documents.draft.recipients')}
        value={recipients}
        onChange={(e) => setRecipients(e.currentTarget.value)}
        autosize
        minRows={2}
      />
    </ModalForm>
  );
}
