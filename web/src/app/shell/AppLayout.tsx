import { useEffect, useRef } from 'react';
import { AppShell, Burger, Group, Menu, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { NavLink, Outlet, Link as RouterLink, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { GetHelpButton } from '../../features/help/components/GetHelpButton.tsx';
import { NotificationBell } from '../../features/notifications/components/NotificationBell.tsx';
import { useMe } from '../../features/auth/hooks.ts';
import { LanguagePicker } from './LanguagePicker.tsx';
import { SafetyCardSlot } from '../../features/safety/components/SafetyCardSlot.tsx';
import { useSafetyCardListener } from '../../features/safety/hooks.ts';
import { useDailyVisit } from '../../features/moderation/hooks.ts';

type NavItem = { to: string; label: string };
/** Navigation in three parts: what everyone uses, the person's own pages, and the team's tools. */
type NavSections = { main: NavItem[]; you: NavItem[]; team: NavItem[] };

const TEAM_ROLES = new Set(['facilitator', 'moderator', 'clinician', 'admin']);

function useNavSections(): NavSections {
  const { t } = useTranslation();
  const me = useMe();
  if (!me) {
    return {
      main: [
        { to: '/sign-in', label: t('nav.signIn') },
        { to: '/sign-up', label: t('nav.signUp') },
      ],
      you: [],
      team: [],
    };
  }
  const role = me.role;
  return {
    main: [
      { to: '/matches', label: t('matching.navLabel') },
      { to: '/groups', label: t('nav.discover') },
      { to: '/calendar', label: t('nav.calendar') },
      { to: '/forums', label: t('nav.forums') },
      { to: '/support', label: t('nav.support') },
      { to: '/resources', label: t('resources.nav') },
    ],
    you: [
      { to: '/progress', label: t('outcomes.nav') },
      { to: '/journey', label: t('rewards.title') },
      { to: '/safety-plan', label: t('nav.safetyPlan') },
      { to: '/programs', label: t('matching.programs.title') },
      { to: '/training', label: t('training.nav') },
      ...(role === 'peer_supporter' || TEAM_ROLES.has(role) ? [{ to: '/support/profile', label: t('matching.supporterProfile.title') }] : []),
      { to: '/notifications', label: t('nav.notifications') },
      { to: '/profile', label: t('nav.profile') },
    ],
    team: [
      ...(me.abilities.moderate ? [{ to: '/on-call', label: t('nav.onCall') }] : []),
      ...(me.abilities.moderate ? [{ to: '/moderation', label: t('moderation.queue.title') }] : []),
      ...(role === 'peer_supporter' || TEAM_ROLES.has(role) ? [{ to: '/supervision', label: t('supervision.title') }] : []),
      ...(TEAM_ROLES.has(role) ? [{ to: '/analytics', label: t('analytics.nav') }] : []),
      ...(me.abilities.administer ? [{ to: '/support/settings', label: t('matching.settings.title') }] : []),
    ],
  };
}

/** The app shell: skip link, header with navigation and "Get help now", main landmark, footer. */
export function AppLayout() {
  useSafetyCardListener();
  // Days visited count toward trust levels (once a day per device, while signed in).
  useDailyVisit();
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
  const nav = useNavSections();
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
      <AppShell header={{ height: 64 }} styles={{ main: { minHeight: 'calc(100dvh - 90px)' } }} navbar={{ width: 280, breakpoint: 'lg', collapsed: { mobile: !opened, desktop: true } }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="lg"
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
              <Group component="nav" aria-label={t('shell.mainNav')} gap={2} visibleFrom="lg" wrap="nowrap">
                {nav.main.map((item) => (
                  <HeaderLink key={item.to} item={item} />
                ))}
                {nav.you.length + nav.team.length > 0 && <MoreMenu nav={nav} />}
              </Group>
            </Group>
            <Group gap={4} wrap="nowrap">
              <NotificationBell />
              <GetHelpButton />
            </Group>
          </Group>
        </AppShell.Header>

        {/* Rendered only while open, so closed menu links are not in the tab order. */}
        {opened && (
          <AppShell.Navbar p="md" id="mobile-nav" component="nav" aria-label={t('shell.mobileNav')}>
            <ScrollArea type="auto" style={{ flex: 1 }}>
              <Stack gap={4}>
                {nav.main.map((item) => (
                  <HeaderLink key={item.to} item={item} block />
                ))}
                <NavSection title={t('shell.youSection')} items={nav.you} />
                <NavSection title={t('shell.teamSection')} items={nav.team} />
              </Stack>
            </ScrollArea>
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

/** A headed group of links in the mobile menu. */
function NavSection({ title, items }: { title: string; items: NavItem[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <Text component="h2" size="xs" fw={700} tt="uppercase" c="dimmed" mt="md" mb={2} px={12}>
        {title}
      </Text>
      {items.map((item) => (
        <HeaderLink key={item.to} item={item} block />
      ))}
    </>
  );
}

/** "More" on wide screens: the person's own pages and, for the team, its tools. */
function MoreMenu({ nav }: { nav: NavSections }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const active = [...nav.you, ...nav.team].some((i) => location.pathname === i.to || location.pathname.startsWith(`${i.to}/`));
  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={240}>
      <Menu.Target>
        <UnstyledButton className="nav-link" aria-current={active ? 'true' : undefined} style={{ padding: '10px 12px', borderRadius: 8, fontWeight: 550, minHeight: 44, lineHeight: '24px', color: '#212529' }}>
          {t('shell.more')} ▾
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('shell.youSection')}</Menu.Label>
        {nav.you.map((item) => (
          <Menu.Item key={item.to} onClick={() => void navigate(item.to)}>
            {item.label}
          </Menu.Item>
        ))}
        {nav.team.length > 0 && (
          <>
            <Menu.Divider />
            <Menu.Label>{t('shell.teamSection')}</Menu.Label>
            {nav.team.map((item) => (
              <Menu.Item key={item.to} onClick={() => void navigate(item.to)}>
                {item.label}
              </Menu.Item>
            ))}
          </>
        )}
      </Menu.Dropdown>
    </Menu>
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
