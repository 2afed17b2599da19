import { useEffect, useRef } from 'react';
import { AppShell, Burger, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { NavLink, Outlet, Link as RouterLink, ScrollRestoration, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { GetHelpButton } from '../../features/help/components/GetHelpButton.tsx';
import { useMe } from '../../features/auth/hooks.ts';
import { LanguagePicker } from './LanguagePicker.tsx';
import { SafetyCardSlot } from '../../features/safety/components/SafetyCardSlot.tsx';
import { useSafetyCardListener } from '../../features/safety/hooks.ts';

type NavItem = { to: string; label: string };

function useNavItems(): NavItem[] {
  const { t } = useTranslation();
  const me = useMe();
  if (!me) {
    return [
      { to: '/sign-in', label: t('nav.signIn') },
      { to: '/sign-up', label: t('nav.signUp') },
    ];
  }
  return [
    { to: '/groups', label: t('nav.discover') },
    { to: '/calendar', label: t('nav.calendar') },
    { to: '/forums', label: t('nav.forums') },
    { to: '/support', label: t('nav.support') },
    ...(me.abilities.moderate ? [{ to: '/on-call', label: t('nav.onCall') }] : []),
    { to: '/profile', label: t('nav.profile') },
  ];
}

/** The app shell: skip link, header with navigation and "Get help now", main landmark, footer. */
export function AppLayout() {
  useSafetyCardListener();
  return (
    <ShellFrame>
      {/* The private support card, when no composer on the page shows it next to the text box. */}
      <SafetyCardSlot fallback />
      <Outlet />
      <ScrollRestoration />
    </ShellFrame>
  );
}

/** The frame without the router outlet, so error pages can reuse it. */
export function ShellFrame({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const items = useNavItems();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After client-side navigation, move focus to the new page's heading so screen readers announce it.
  useEffect(() => {
    close();
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const main = mainRef.current;
    main?.focus({ preventScroll: true });
    // Pages that load data show their heading a moment later; move focus to it unless the person already moved on.
    let tries = 0;
    const timer = setInterval(() => {
      const heading = main?.querySelector<HTMLElement>('h1');
      if (heading && document.activeElement === main) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus();
      }
      if (heading || document.activeElement !== main || ++tries > 40) clearInterval(timer);
    }, 50);
    return () => clearInterval(timer);
  }, [location.pathname, close]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <AppShell header={{ height: 64 }} styles={{ main: { minHeight: 'calc(100dvh - 90px)' } }} navbar={{ width: 260, breakpoint: 'md', collapsed: { mobile: !opened, desktop: true } }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="md"
                size="sm"
                aria-label={opened ? t('shell.closeMenu') : t('shell.openMenu')}
                aria-expanded={opened}
                aria-controls="mobile-nav"
              />
              <UnstyledButton component={RouterLink} to="/" aria-label={t('shell.homeLabel')} style={{ minHeight: 40, display: 'flex', alignItems: 'center' }}>
                <Text fw={750} fz="xl" c="ember.8">
                  Hearth
                </Text>
              </UnstyledButton>
              <Group component="nav" aria-label={t('shell.mainNav')} gap={4} visibleFrom="md" wrap="nowrap">
                {items.map((item) => (
                  <HeaderLink key={item.to} item={item} />
                ))}
              </Group>
            </Group>
            <GetHelpButton />
          </Group>
        </AppShell.Header>

        {/* Rendered only while open, so closed menu links are not in the tab order. */}
        {opened && (
          <AppShell.Navbar p="md" id="mobile-nav" component="nav" aria-label={t('shell.mobileNav')}>
            <Stack gap={4}>
              {items.map((item) => (
                <HeaderLink key={item.to} item={item} block />
              ))}
            </Stack>
          </AppShell.Navbar>
        )}

        <AppShell.Main id="main" ref={mainRef} tabIndex={-1}>
          <div style={{ maxWidth: 960, margin: '0 auto' }}>{children}</div>
        </AppShell.Main>
        <Footer />
      </AppShell>
    </>
  );
}

function HeaderLink({ item, block }: { item: NavItem; block?: boolean }) {
  return (
    <NavLink
      to={item.to}
      className="nav-link"
      style={{
        display: block ? 'block' : 'inline-block',
        padding: '10px 12px',
        borderRadius: 8,
        color: '#212529',
        textDecoration: 'none',
        fontWeight: 550,
        minHeight: 44,
        lineHeight: '24px',
      }}
    >
      {item.label}
    </NavLink>
  );
}

function Footer() {
  const { t } = useTranslation();
  return (
    <Group component="footer" justify="space-between" px="md" py="md" style={{ borderTop: '1px solid #dee2e6', maxWidth: 992, margin: '0 auto' }}>
      <Text size="sm" c="dimmed" maw={520}>
        {t('shell.footerNote')}
      </Text>
      <Group gap="md">
        <RouterLink to="/help" style={{ color: '#8a3d1b' }}>
          {t('shell.helpPageLink')}
        </RouterLink>
        <LanguagePicker />
      </Group>
    </Group>
  );
}
