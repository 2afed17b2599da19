import { useRef, useState } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../lib/components/AppModal.tsx';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import type { GroupDetail, Member } from '../api.ts';
import { useGroupMembers, useRemoveMember } from '../hooks.ts';

/** The group's active members (shown on request); leaders may remove someone, after confirming. */
export function GroupMembers({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const members = useGroupMembers(group.id, open);
  const remove = useRemoveMember(group.id);
  const [confirming, setConfirming] = useState<Member | null>(null);
  const [removedName, setRemovedName] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const nameOf = (m: Member) => m.displayName + (m.pronouns ? ` (${m.pronouns})` : '');
  const rejoin = group.visibility === 'open' ? 'groupMembers.rejoinOpen' : group.visibility === 'request' ? 'groupMembers.rejoinRequest' : 'groupMembers.rejoinInvite';

  const onConfirm = () => {
    if (!confirming) return;
    const who = confirming;
    remove.mutate(who.userId, {
      onSuccess: () => {
        setConfirming(null);
        setRemovedName(who.displayName);
        // The row (and the button that opened the dialog) is gone: keep keyboard focus in the member list.
        requestAnimationFrame(() => headingRef.current?.focus());
      },
    });
  };

  return (
    <section aria-labelledby="members-title">
      <Group justify="space-between">
        <Title order={2} size="h3" id="members-title" ref={headingRef} tabIndex={-1}>
          {t('groups.members')}
        </Title>
        <Button variant="subtle" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls="members-list">
          {open ? t('groups.hideMembers') : t('groups.showMembers')}
        </Button>
      </Group>
      <div role="status">{removedName && <Text size="sm">{t('groupMembers.removed', { name: removedName })}</Text>}</div>
      {open && (
        <div id="members-list">
          {members.isPending ? (
            <Loading />
          ) : members.isError ? (
            <ErrorState error={members.error} onRetry={() => void members.refetch()} />
          ) : (
            <Stack gap={6} mt="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {members.data.members
                .filter((m) => m.status === 'active')
                .map((m) => (
                  <Group component="li" key={m.userId} justify="space-between" gap="xs" wrap="wrap">
                    <Text style={{ flex: '1 1 10rem', minWidth: 0 }}>
                      {nameOf(m)}
                      {m.role !== 'member' ? ` · ${t(`groups.roles.${m.role}`)}` : ''}
                    </Text>
                    {m.abilities.remove && (
                      <Button
                        size="compact-sm"
                        style={{ flexShrink: 0 }}
                        variant="subtle"
                        color="ink"
                        onClick={() => {
                          remove.reset();
                          setConfirming(m);
                        }}
                        aria-label={t('groupMembers.removeName', { name: m.displayName })}
                      >
                        {t('groupMembers.remove')}
                      </Button>
                    )}
                  </Group>
                ))}
            </Stack>
          )}
        </div>
      )}

      <AppModal opened={confirming !== null} onClose={() => setConfirming(null)} title={confirming ? t('groupMembers.confirmTitle', { name: confirming.displayName }) : ''}>
        <Stack>
          <Text>{t('groupMembers.confirmBody')}</Text>
          <Text>{t(rejoin)}</Text>
          <FormError error={remove.error} />
          <Group justify="flex-end">
            <Button variant="outline" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" loading={remove.isPending} onClick={onConfirm}>
              {t('groupMembers.confirm')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </section>
  );
}
