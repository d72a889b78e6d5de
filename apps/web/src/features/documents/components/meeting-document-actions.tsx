import { Button, Group, Stack } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { type MeetingTemplate, useDraftFromMeeting } from '../api.ts';

/**
 * For the meeting page: drafts the meeting's official documents from its records — the invitation, the conclusion
 * notice (R13) and the minutes (Mẫu 1.9) — and opens the draft in the register. The server says why when it
 * cannot (e.g. no conclusions yet), shown as the problem's title.
 */
export function MeetingDocumentActions({
  meetingId,
  templates = ['invitation', 'conclusionNotice', 'minutes'],
}: {
  meetingId: string;
  templates?: MeetingTemplate[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const draft = useDraftFromMeeting(meetingId);
  return (
    <Stack gap="xs">
      <Group gap="sm">
        {templates.map((template) => (
          <Button
            key={template}
            variant="light"
            leftSection={<IconFileText size={16} />}
            loading={draft.isPending && draft.variables === template}
            onClick={() =>
              draft.mutate(template, { onSuccess: (doc) => void navigate({ to: `/van-ban/${doc.id}` }) })
            }
          >
            {t(`documents.fromMeeting.${template}`)}
          </Button>
        ))}
      </Group>
      <ProblemAlert error={draft.error} />
    </Stack>
  );
}
