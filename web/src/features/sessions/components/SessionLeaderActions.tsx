import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../lib/components/AppModal.tsx';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import { formatSessionRange } from '../../../lib/time.ts';
import type { SessionItem } from '../api.ts';
import { useCancelSession } from '../hooks.ts';
import { CheckInModal } from './CheckInModal.tsx';
import { MoveSessionModal } from './MoveSessionModal.tsx';

type Dialog = 'move' | 'cancel' | 'check-in' | null;

/** Facilitators' actions on one session, each shown only when the session's abilities allow it. */
export function SessionLeaderActions({ session }: { session: SessionItem }) {
  const { t, i18n } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const cancel = useCancelSession(session.id);
  const { edit, cancel: canCancel, manageAttendance } = session.abilities;
  const cancelled = session.status === 'cancelled';
  const showAttendance = manageAttendance && !cancelled;
  if (!edit && !canCancel && !showAttendance) return null;
  const close = () => setDialog(null);

  return (
    <>
      <Group gap="xs" role="group" aria-label={t('manageSession.toolsLabel', { title: session.title })}>
        {showAttendance && (
          <Button size="sm" variant="light" onClick={() => setDialog('check-in')}>
            {session.format === 'online' ? t('manageSession.attendance') : t('manageSession.checkIn')}
          </Button>
        )}
        {edit && (
          <Button size="sm" variant="outline" onClick={() => setDialog('move')}>
            {t('manageSession.move')}
          </Button>
        )}
        {canCancel && (
          <Button size="sm" variant="outline" color="red.9" onClick={() => setDialog('cancel')}>
            {t('manageSession.cancel')}
          </Button>
        )}
      </Group>
      {showAttendance && <CheckInModal session={session} opened={dialog === 'check-in'} onClose={close} />}
      {edit && <MoveSessionModal session={session} opened={dialog === 'move'} onClose={close} />}
      <AppModal opened={dialog === 'cancel'} onClose={close} title={t('manageSession.cancelTitle', { title: session.title })}>
        <Stack>
          <Text>{t('manageSession.cancelBody', { when: formatSessionRange(session.startsAt, session.endsAt, session.groupLocal.timezone, i18n.language) })}</Text>
          <FormError error={cancel.error} />
          <Group justify="flex-end">
            <Button variant="outline" onClick={close}>
              {t('manageSession.keep')}
            </Button>
            <Button color="red.9" loading={cancel.isPending} onClick={() => cancel.mutate(undefined, { onSuccess: close })}>
              {t('manageSession.cancelConfirm')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </>
  );
}
