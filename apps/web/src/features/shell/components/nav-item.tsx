import { Badge, NavLink } from '@mantine/core';
import { Link, type LinkProps, useMatchRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';

interface NavItemProps {
  to: NonNullable<LinkProps['to']>;
  label: string;
  icon?: ReactNode;
  onNavigate?: () => void;
  /** A count shown on the right (hidden at 0): part of the link's name ("Việc chờ tôi xử lý 3"). */
  badge?: number;
}

/** A sidebar link, highlighted while its page (or a page below it) is open. */
export function NavItem({ to, label, icon, onNavigate, badge }: NavItemProps) {
  const matchRoute = useMatchRoute();
  // "/" would match every page fuzzily; the overview is active only on itself.
  const active = !!matchRoute({ to, fuzzy: to !== '/' });
  return (
    <NavLink
      renderRoot={(props) => <Link to={to} {...props} />}
      label={label}
      leftSection={icon}
      rightSection={
        badge ? (
          <Badge size="sm" color="govRed.8" variant="filled" radius="sm">
            {badge > 99 ? '99+' : badge}
          </Badge>
        ) : undefined
      }
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
      variant="light"
      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
    />
  );
}
