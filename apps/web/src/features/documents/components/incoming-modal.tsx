import { FileInput, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPaperclip } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field.tsx';
import { ModalForm } from '../../../components/modal-form.tsx';
import { type IncomingForm, useRegisterIncoming } from '../api.ts';

const EMPTY: IncomingForm = {
  numberText: '',
  issuedOn: '',
  issuer: '',
  title: '',
  deadline: null,
  file: null,
};

/** Vào sổ văn bản đến: a directive from a higher level, with its number, date, issuer, summary, deadline and file. */
export function IncomingModal({
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
  const register = useRegisterIncoming(committeeId);
  const [form, setForm] = useState<IncomingForm>(EMPTY);
  const [missing, setMissing] = useState(false);
  const set = (patch: Partial<IncomingForm>) => setForm((f) => ({ ...f, ...patch }));
  const required = (v: string) => (missing && !v.trim() ? t('common.required') : null);
  const close = () => {
    register.reset();
    setForm(EMPTY);
    setMissing(false);
    onClose();
  };
  return (
    <ModalForm
      opened={opened}
      onClose={close}
      title={t('documents.incoming.title')}
      submitLabel={t('documents.incoming.submit')}
      submitting={register.isPending}
      error={register.error}
      onSubmit={(event) => {
        event.preventDefault();
        if (!form.numberText.trim() || !form.issuedOn || !form.issuer.trim() || !form.title.trim()) {
          setMissing(true);
          return;
        }
        register.mutate(form, {
          onSuccess: (doc) => {
            notifications.show({ color: 'green', message: t('documents.done.incoming') });
            close();
            void navigate({ to: `/van-ban/${doc.id}` });
          },
        });
      }}
    >
      <TextInput
        label={t('documents.incoming.numberText')}
        placeholder={t('documents.incoming.numberTextPlaceholder')}
        value={form.numberText}
        onChange={(e) => set({ numberText: e.currentTarget.value })}
        error={required(form.numberText)}
        withAsterisk
      />
      <DateField
        label={t('documents.incoming.issuedOn')}
        value={form.issuedOn || null}
        onChange={(v) => set({ issuedOn: v ?? '' })}
        error={required(form.issuedOn)}
        withAsterisk
      />
      <TextInput
        label={t('documents.incoming.issuer')}
        placeholder={t('documents.incoming.issuerPlaceholder')}
        value={form.issuer}
        onChange={(e) => set({ issuer: e.currentTarget.value })}
        error={required(form.issuer)}
        withAsterisk
      />
      <TextInput
        label={t('documents.incoming.summary')}
        value={form.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
        error={required(form.title)}
        withAsterisk
      />
      <DateField
        label={t('documents.incoming.deadline')}
        value={form.deadline}
        onChange={(deadline) => set({ deadline })}
      />
      <FileInput
        label={t('documents.incoming.file')}
        placeholder={t('documents.incoming.filePlaceholder')}
        accept="application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        leftSection={<IconPaperclip size={16} />}
        value={form.file}
        onChange={(file) => set({ file })}
        clearable
      />
    </ModalForm>
  );
}
