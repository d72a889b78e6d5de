import { Anchor, Group, Tabs } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useActiveTabInView } from '../lib/use-active-tab-in-view.ts';
import { PageHeader } from './page-header.tsx';

interface RecordPageProps {
  /** The list this record belongs to, e.g. `{ to: '/cuoc-hop', label: t('meetings.back') }`. */
  back: { to: string; label: string };
  title: string;
  description?: string;
  /** Badges and buttons beside the title. */
  actions?: ReactNode;
  children: ReactNode;
}

/** The page of one record (a committee, a meeting, a task): back to its list, its title, then its content. */
export function RecordPage({ back, title, description, actions, children }: RecordPageProps) {
  return (
    <>
      <Anchor component={Link} to={back.to} size="sm" c="dimmed" mb="xs" display="inline-block">
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={14} aria-hidden />
          {back.label}
        </Group>
      </Anchor>
      <PageHeader title={title} description={description} actions={actions} />
      {children}
    </>
  );
}

interface RecordTabsProps<T extends string> {
  /** The tabs in order, by their slug (kept in the URL). */
  tabs: readonly T[];
  value: T;
  onChange: (tab: T) => void;
  /** The tab bar's accessible name. */
  label: string;
  /** Each tab's title. */
  titleOf: (tab: T) => string;
  /** Each tab's content; only the open one is mounted. */
  panels: Record<T, ReactNode>;
}

/**
 * A record's tabs: a tab bar that scrolls sideways on a phone (keeping the open tab in sight) and wraps onto a
 * second line on wider screens (a committee's nine tabs do not fit 1366 px); a tab's title is never cut. Then the
 * open tab's panel.
 */
export function RecordTabs<T extends string>({
  tabs,
  value,
  onChange,
  label,
  titleOf,
  panels,
}: RecordTabsProps<T>) {
  const viewport = useActiveTabInView(value);
  return (
    <Tabs value={value} onChange={(v) => v && onChange(v as T)} keepMounted={false} mt="lg">
      {/* A plain scrolling box, not a ScrollArea: its table-like content box would stop the wrapping. */}
      <div ref={viewport} className="record-tabs-viewport">
        <Tabs.List aria-label={label} className="record-tabs">
          {tabs.map((slug) => (
            <Tabs.Tab key={slug} value={slug} data-slug={slug} style={{ whiteSpace: 'nowrap' }}>
              {titleOf(slug)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </div>
      {tabs.map((slug) => (
        <Tabs.Panel key={slug} value={slug} pt="md">
          {panels[slug]}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
