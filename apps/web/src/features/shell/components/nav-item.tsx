import { NavLink } from '@mantine/core';
import { Link, type LinkProps, useMatchRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';

interface NavItemProps {
  to: NonNullable<LinkProps['to']>;
  label: string;
  icon?: ReactNode;
  onNavigate?: () => void;
}

/** A sidebar link, highlighted while its page (or a page below it) is open. */
export function NavItem({ to, label, icon, onNavigate }: NavItemProps) {
  const matchRoute = useMatchRoute();
  // "/" would match every page fuzzily; the overview is active only on itself.
  const active = !!matchRoute({ to, fuzzy: to !== '/' });
  return (
    <NavLink
      renderRoot={(props) => <Link to={to} {...props} />}
      label={label}
      leftSection={icon}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
      variant="light"
      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
    />
  );
}
