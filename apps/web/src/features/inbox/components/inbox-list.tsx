import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { formatDateTime } from '@steerco/contract/datetime';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type InboxItem, inboxLink } from '../api.ts';

const KIND_COLORS: Record<InboxItem['kind'], string> = {
  absenceApproval: 'orange',
  lateNotice: 'red',
  minutesApproval: 'grape',
  invitation: 'blue',
  taskReview: 'teal',
  extensionRequest: 'yellow',
  documentSign: 'indigo',
  personnelChange: 'cyan',
};

/** The waiting items, newest first; each row opens its page (a link: the keyboard and a middle click work). */
export function InboxList({ items }: { items: InboxItem[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('inbox.title')}>
      {items.map((item) => {
        const link = inboxLink(item);
        return (
          <li key={`${item.kind}:${item.id}`}>
            <UnstyledButton
              component="a"
              href={hrefOf(item)}
              onClick={(event) => {
                if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                event.preventDefault();
                void navigate(link);
              }}
              w="100%"
              px="md"
              py="sm"
              className="unit-row"
              style={{ display: 'block', borderBottom: '1px solid var(--mantine-color-gray-2)' }}
              data-inbox-kind={item.kind}
            >
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Group gap="xs" wrap="wrap">
                    <Badge variant="light" color={KIND_COLORS[item.kind]} radius="sm">
                      {t(`inbox.kinds.${item.kind}`)}
                    </Badge>
                    <Text size="sm" c="gray.7">
                      {item.committeeName}
                    </Text>
                  </Group>
                  <Text fw={600} size="sm">
                    {item.title}
                  </Text>
                  {item.detail && (
                    <Text size="sm" c="gray.7" lineClamp={2}>
                      {item.detail}
                    </Text>
                  )}
                </Stack>
                <Text size="xs" c="gray.7" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(item.at)}
                </Text>
              </Group>
            </UnstyledButton>
          </li>
        );
      })}
    </Stack>
  );
}

/** The item's address, for the link's href (a new tab, copying it). */
function hrefOf(item: InboxItem) {
  const id = encodeURIComponent(item.target.id);
  switch (item.target.type) {
    case 'meeting':
      return `/cuoc-hop/${id}`;
    case 'task':
      return `/nhiem-vu/${id}`;
    case 'document':
      return `/van-ban/${id}`;
    case 'committeePersonnel':
      return `/ban-chi-dao/${id}?tab=nhan-su`;
  }
}
