import {
  Button,
  FileInput,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate } from '@steerco/contract/datetime';
import type { TaskAction } from '@steerco/contract/tasks';
import {
  IconArrowBackUp,
  IconCalendarPlus,
  IconCheck,
  IconChecks,
  IconClockEdit,
  IconPencil,
  IconPlayerPlay,
  IconProgressCheck,
  IconX,
} from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field.tsx';
import { ModalForm } from '../../../components/modal-form.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { type TaskView, useReportProgress, useTransition } from '../api.ts';
import { EditTaskModal } from './edit-task-modal.tsx';

/** The order people read the buttons in: doing the work first, then reviewing, then the exceptions. */
const ORDER: TaskAction[] = [
  'start',
  'reportProgress',
  'submitDone',
  'approveDone',
  'return',
  'requestExtension',
  'decideExtension',
  'edit',
  'cancel',
];

const ICONS: Record<TaskAction, ReactNode> = {
  start: <IconPlayerPlay size={16} />,
  reportProgress: <IconProgressCheck size={16} />,
  submitDone: <IconCheck size={16} />,
  approveDone: <IconChecks size={16} />,
  return: <IconArrowBackUp size={16} />,
  requestExtension: <IconCalendarPlus size={16} />,
  decideExtension: <IconClockEdit size={16} />,
  edit: <IconPencil size={16} />,
  cancel: <IconX size={16} />,
};

type DialogAction = Exclude<TaskAction, 'start'>;

/**
 * The buttons of what the server says I may do now (`allowedActions`); the server checks again, and its
 * refusal (403/409 problem) is shown with its Vietnamese title.
 */
export function TaskActions({
  task,
  extra,
}: {
  task: TaskView /** More buttons (hand down to lower levels). */;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const transition = useTransition(task.id);
  const [open, setOpen] = useState<DialogAction | null>(null);
  const actions = ORDER.filter((a) => task.allowedActions.includes(a));
  return (
    <>
      {/* No section when there is nothing to do; open dialogs stay (with the server's answer) even so. */}
      {actions.length > 0 && (
        <Paper
          withBorder
          radius="md"
          p={{ base: 'sm', sm: 'md' }}
          component="section"
          aria-label={t('tasks.actions.label')}
        >
          <Title order={2} fz="h5" mb="sm">
            {t('tasks.actions.label')}
          </Title>
          <Stack gap="sm">
            <Group gap="sm">
              {actions.map((action) => (
                <Button
                  key={action}
                  leftSection={ICONS[action]}
                  variant={
                    action === 'cancel' || action === 'return'
                      ? 'light'
                      : action === 'requestExtension' || action === 'edit'
                        ? 'default'
                        : 'filled'
                  }
                  color={action === 'cancel' ? 'red' : action === 'return' ? 'orange' : undefined}
                  loading={action === 'start' && transition.isPending}
                  onClick={() => {
                    if (action !== 'start') return setOpen(action);
                    transition.mutate(
                      { action: 'start' },
                      {
                        onSuccess: () =>
                          notifications.show({ color: 'green', message: t('tasks.actions.started') }),
                      },
                    );
                  }}
                >
                  {t(`tasks.actions.${action}`)}
                </Button>
              ))}
              {extra}
            </Group>
            <ProblemAlert error={transition.error} />
          </Stack>
        </Paper>
      )}
      {open === 'reportProgress' && <ProgressDialog task={task} onClose={() => setOpen(null)} />}
      {open === 'edit' && <EditTaskModal task={task} onClose={() => setOpen(null)} />}
      {open && open !== 'reportProgress' && open !== 'edit' && (
        <TransitionDialog task={task} action={open} onClose={() => setOpen(null)} />
      )}
    </>
  );
}

/** Progress with a percentage, what was done, and evidence files (uploaded first, then named in the report). */
function ProgressDialog({ task, onClose }: { task: TaskView; onClose: () => void }) {
  const { t } = useTranslation();
  const report = useReportProgress(task);
  const [percent, setPercent] = useState<number | string>(task.progress);
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t('tasks.actions.reportProgress')}
      submitLabel={t('tasks.actions.reportProgress')}
      submitting={report.isPending}
      error={report.error}
      onSubmit={(event) => {
        event.preventDefault();
        if (!text.trim()) return setError(t('common.required'));
        report.mutate(
          { percent: Number(percent) || 0, text: text.trim(), files },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('tasks.forms.progressSaved') });
              onClose();
            },
          },
        );
      }}
    >
      <NumberInput
        label={t('tasks.forms.percent')}
        min={0}
        max={100}
        step={5}
        clampBehavior="strict"
        suffix="%"
        value={percent}
        onChange={setPercent}
      />
      <Textarea
        label={t('tasks.forms.progressText')}
        placeholder={t('tasks.forms.progressTextPlaceholder')}
        withAsterisk
        autosize
        minRows={3}
        value={text}
        error={error}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setError(null);
        }}
      />
      <FileInput
        label={t('tasks.forms.evidence')}
        description={t('tasks.forms.evidenceHint')}
        placeholder={t('tasks.forms.evidencePlaceholder')}
        multiple
        clearable
        accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
        value={files}
        onChange={setFiles}
      />
      {report.isPending && files.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('tasks.forms.uploading')}
        </Text>
      )}
    </ModalForm>
  );
}

/** A transition that carries a note, a reason, a proposed date or a decision. */
function TransitionDialog({
  task,
  action,
  onClose,
}: {
  task: TaskView;
  action: Exclude<DialogAction, 'reportProgress' | 'edit'>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const transition = useTransition(task.id);
  const [text, setText] = useState('');
  const [date, setDate] = useState<string | null>(null);
  const [decision, setDecision] = useState<'approve' | 'reject'>('approve');
  const [errors, setErrors] = useState<{ text?: string; date?: string }>({});
  const needsReason = action === 'return' || action === 'cancel' || action === 'requestExtension';
  const note = text.trim() || null;

  const submit = () => {
    const missing = {
      text: needsReason && !note ? t('common.required') : undefined,
      date: action === 'requestExtension' && !date ? t('common.required') : undefined,
    };
    if (missing.text || missing.date) return setErrors(missing);
    const input =
      action === 'submitDone' || action === 'approveDone'
        ? { action, note }
        : action === 'return' || action === 'cancel'
          ? { action, reason: note! }
          : action === 'requestExtension'
            ? { action, reason: note!, proposedDeadline: date! }
            : { action, decision, note };
    transition.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('tasks.actions.done') });
        onClose();
      },
    });
  };

  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t(`tasks.actions.${action}`)}
      submitLabel={t(`tasks.actions.${action}`)}
      submitting={transition.isPending}
      error={transition.error}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {action === 'submitDone' && <Text size="sm">{t('tasks.forms.submitDoneHint')}</Text>}
      {action === 'approveDone' && <Text size="sm">{t('tasks.forms.approveHint')}</Text>}
      {action === 'cancel' && <Text size="sm">{t('tasks.forms.cancelHint')}</Text>}
      {action === 'decideExtension' && task.extensionProposedDeadline && (
        <>
          <Text size="sm">
            {t('tasks.forms.extensionSummary', {
              date: formatDate(task.extensionProposedDeadline),
              current: formatDate(task.deadline),
            })}
          </Text>
          <SegmentedControl
            aria-label={t('tasks.forms.decision')}
            data={[
              { value: 'approve', label: t('tasks.forms.approveExtension') },
              { value: 'reject', label: t('tasks.forms.rejectExtension') },
            ]}
            value={decision}
            onChange={(value) => setDecision(value as 'approve' | 'reject')}
          />
        </>
      )}
      {action === 'requestExtension' && (
        <DateField
          label={t('tasks.forms.proposedDeadline')}
          withAsterisk
          value={date}
          error={errors.date}
          onChange={(value) => {
            setDate(value);
            setErrors((e) => ({ ...e, date: undefined }));
          }}
        />
      )}
      <Textarea
        label={needsReason ? t('tasks.forms.reason') : t('tasks.forms.note')}
        placeholder={action === 'return' ? t('tasks.forms.returnReasonPlaceholder') : undefined}
        withAsterisk={needsReason}
        autosize
        minRows={3}
        value={text}
        error={errors.text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setErrors((x) => ({ ...x, text: undefined }));
        }}
      />
    </ModalForm>
  );
}
