import { Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OfficialDocument } from '@steerco/contract/documents';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalForm } from '../../../components/modal-form.tsx';
import { useUpdateDocument } from '../api.ts';
import type { Block } from '../documents.ts';

const split = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The text a person edits for a block; a table is kept as it is (it comes from the records). */
function textOf(b: Block): string | null {
  switch (b.type) {
    case 'paragraph':
    case 'heading':
    case 'article':
      return b.text;
    case 'field':
      return b.value;
    case 'numbered':
      return b.items.join('\n');
    case 'basis':
      return b.lines.join('\n');
    case 'table':
      return null;
  }
}

function withText(b: Block, text: string): Block {
  switch (b.type) {
    case 'paragraph':
    case 'heading':
    case 'article':
      return { ...b, text };
    case 'field':
      return { ...b, value: text };
    case 'numbered':
      return { ...b, items: split(text) };
    case 'basis':
      return { ...b, lines: split(text) };
    case 'table':
      return b;
  }
}

/** Edits the free-text parts of a draft; each save is a new version (an issued document never changes). */
export function EditorModal({
  document: doc,
  opened,
  onClose,
}: {
  document: OfficialDocument;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateDocument(doc.id);
  const [title, setTitle] = useState(doc.title);
  const [recipients, setRecipients] = useState(doc.recipients.join('\n'));
  const [body, setBody] = useState<Block[]>(doc.body);
  const labelOf = (b: Block) => {
    switch (b.type) {
      case 'article':
        return t('documents.editor.article', { number: b.number });
      case 'field':
        return t('documents.editor.field', { label: b.label });
      case 'numbered':
        return t('documents.editor.numbered');
      case 'basis':
        return t('documents.editor.basis');
      case 'heading':
        return t('documents.editor.heading');
      case 'table':
        return t('documents.editor.table', { rows: b.rows.length });
      default:
        return t('documents.editor.paragraph');
    }
  };
  return (
    <ModalForm
      opened={opened}
      onClose={() => {
        update.reset();
        onClose();
      }}
      title={t('documents.editor.title')}
      submitLabel={t('documents.editor.save')}
      submitting={update.isPending}
      error={update.error}
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate(
          { title: title.trim(), recipients: split(recipients), body },
          {
            onSuccess: (saved) => {
              notifications.show({
                color: 'green',
                message: t('documents.done.saved', { version: saved.version }),
              });
              onClose();
            },
          },
        );
      }}
    >
      <Textarea
        label={t('documents.draft.docTitle')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        autosize
        minRows={1}
        withAsterisk
      />
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {t('documents.editor.blocks')}
        </Text>
        {body.map((b, i) => {
          const text = textOf(b);
          return text === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: blocks are identified by their place
            <Text key={i} size="sm" c="dimmed">
              {labelOf(b)}
            </Text>
          ) : (
            <Textarea
              // biome-ignore lint/suspicious/noArrayIndexKey: blocks are identified by their place
              key={i}
              label={labelOf(b)}
              value={text}
              onChange={(e) => {
                const next = e.currentTarget.value;
                setBody((all) => all.map((x, j) => (j === i ? withText(x, next) : x)));
              }}
              autosize
              minRows={b.type === 'heading' ? 1 : 2}
            />
          );
        })}
      </Stack>
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
