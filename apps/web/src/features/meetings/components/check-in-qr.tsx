import { Anchor, Box, Button, Modal, Stack, Text } from '@mantine/core';
import { IconQrcode } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderSVG } from 'uqr';

/**
 * The secretary shows this on the meeting room's screen: members scan it with their phone, sign in if needed and
 * land on the meeting's check-in tab, where "Tôi đã có mặt" records them (self check-in).
 */
export function CheckInQr({ meetingId, title }: { meetingId: string; title: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const url = `${window.location.origin}/cuoc-hop/${meetingId}?tab=diem-danh`;
  // Generated here from our own URL: no user input reaches the SVG.
  const svg = useMemo(() => (opened ? renderSVG(url, { border: 2 }) : ''), [opened, url]);
  return (
    <>
      <Button variant="default" leftSection={<IconQrcode size={16} />} onClick={() => setOpened(true)}>
        {t('meetings.attendance.qr')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('meetings.attendance.qrTitle')}
        size="md"
      >
        <Stack align="center" gap="sm">
          <Text fw={600} ta="center">
            {title}
          </Text>
          <Box
            role="img"
            aria-label={t('meetings.attendance.qrAlt')}
            w={{ base: 260, sm: 340 }}
            style={{ lineHeight: 0 }}
            // biome-ignore lint/security/noDangerouslySetInnerHtml: SVG generated locally from the meeting URL
            dangerouslySetInnerHTML={{ __html: svg }}
          />
          <Text size="sm" c="dimmed" ta="center">
            {t('meetings.attendance.qrHint')}
          </Text>
          <Anchor href={url} size="sm" style={{ wordBreak: 'break-all' }}>
            {url}
          </Anchor>
        </Stack>
      </Modal>
    </>
  );
}
