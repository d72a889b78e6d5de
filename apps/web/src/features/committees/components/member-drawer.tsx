import {
  Accordion,
  Badge,
  Center,
  Divider,
  Drawer,
  Group,
  List,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { CommitteeDetail } from '@steerco/contract/committees';
import { formatDateTime } from '@steerco/contract/datetime';
import type { Membership } from '@steerco/contract/memberships';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Fact } from '../../../components/fact.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { SampleBadge } from '../../../components/sample-badge.tsx';
import { dutiesQueryOptions } from '../api.ts';
import { DomainBadge, domainShort, formatDecision, formatPeriod, RoleBadge } from './committee-badges.tsx';

/** A member's profile: seat, appointing decision, current duties (with their version) and their history. */
export function MemberDrawer({
  committee,
  member,
  onClose,
}: {
  committee: CommitteeDetail;
  member: Membership;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const duties = useQuery(dutiesQueryOptions(committee.id, member.id));
  const domainName = (code: string) => committee.domains.find((d) => d.code === code)?.name;
  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={t('members.profileTitle')}>
      <Stack gap="md">
        <Stack gap={6}>
          <Group gap="xs">
            <Title order={2} fz="h3">
              {member.fullName}
            </Title>
            {member.isSample && <SampleBadge />}
          </Group>
          <Group gap="xs">
            <RoleBadge role={member.role} isStanding={member.isStanding} />
            {member.leadDomain && (
              <Badge color="gray" variant="outline">
                {t('committees.leads', { domain: domainShort(member.leadDomain) })}
              </Badge>
            )}
          </Group>
        </Stack>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Fact label={t('members.columns.position')}>{member.position ?? t('common.notSet')}</Fact>
          <Fact label={t('members.columns.unit')}>{member.unitName ?? t('common.notSet')}</Fact>
          <Fact label={t('members.columns.period')}>{formatPeriod(member.startDate, member.endDate, t)}</Fact>
          <Fact label={t('members.form.decision')}>
            {formatDecision(member.appointingDecision, t)}
            {member.appointingDecision?.signer && (
              <Text size="xs" c="dimmed">
                {t('decision.signedBy', { signer: member.appointingDecision.signer })}
              </Text>
            )}
          </Fact>
          {member.endReason && <Fact label={t('members.endReason')}>{member.endReason}</Fact>}
        </SimpleGrid>
        <Divider />
        {duties.isError && <ProblemAlert error={duties.error} onRetry={() => void duties.refetch()} />}
        {duties.isPending && (
          <Center py="md">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        )}
        {duties.data && (
          <>
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={3} fz="h5">
                  {t('members.currentDuties')}
                </Title>
                {duties.data.version > 0 && (
                  <Badge variant="outline" color="gray">
                    {t('duties.version', { version: duties.data.version })}
                  </Badge>
                )}
              </Group>
              {duties.data.items.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('members.noDuties')}
                </Text>
              ) : (
                <List spacing={6} size="sm" aria-label={t('members.currentDuties')}>
                  {duties.data.items.map((item) => (
                    <List.Item
                      key={item.id}
                      icon={
                        item.domain ? (
                          <DomainBadge code={item.domain} name={domainName(item.domain)} />
                        ) : (
                          <Badge color="gray">{t('committees.domainGeneral')}</Badge>
                        )
                      }
                    >
                      {item.text}
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
            {duties.data.history.length > 0 && (
              <Stack gap="xs">
                <Title order={3} fz="h5">
                  {t('members.dutyHistory')}
                </Title>
                <Accordion variant="separated" radius="sm">
                  {duties.data.history.map((revision) => (
                    <Accordion.Item key={revision.version} value={String(revision.version)}>
                      <Accordion.Control>
                        <Stack gap={2}>
                          <Group gap="xs">
                            <Text size="sm" fw={600}>
                              {t('duties.version', { version: revision.version })}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {t('members.itemCount', { count: revision.items.length })}
                            </Text>
                          </Group>
                          <Text size="xs" c="dimmed">
                            {t('members.changedBy', {
                              time: formatDateTime(revision.changedAt),
                              name: revision.changedBy ?? t('members.changedBySystem'),
                            })}
                          </Text>
                          {revision.note && <Text size="xs">{revision.note}</Text>}
                          {revision.decision && (
                            <Text size="xs" c="dimmed">
                              {formatDecision(revision.decision, t)}
                            </Text>
                          )}
                        </Stack>
                      </Accordion.Control>
                      <Accordion.Panel>
                        <List spacing={4} size="sm">
                          {revision.items.map((item) => (
                            <List.Item key={item.id}>
                              {item.domain ? `[${domainShort(item.domain)}] ` : ''}
                              {item.text}
                            </List.Item>
                          ))}
                        </List>
                      </Accordion.Panel>
                    </Accordion.Item>
                  ))}
                </Accordion>
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Drawer>
  );
}
