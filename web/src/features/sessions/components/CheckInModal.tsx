import { Badge, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../lib/components/AppModal.tsx';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { useGroupMembers } from '../../groups/hooks.ts';
import type { SessionItem } from '../api.ts';
import { useAttendance, useCheckInCode, useCheckInMember } from '../hooks.ts';

/** The venue code in large type to show at the venue, and who has arrived, with "Check in" for each member. */
export function CheckInModal({ session, opened, onClose }: { session: SessionItem; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const inPerson = session.format !== 'online';
  return (
    <AppModal opened={opened} onClose={onClose} size="lg" title={inPerson ? t('checkIn.title', { title: session.title }) : t('checkIn.attendanceTitle', { title: session.title })}>
      {opened && (
        <Stack gap="lg">
          {inPerson && <VenueCode sessionId={session.id} />}
          <AttendanceList session={session} />
        </Stack>
      )}
    </AppModal>
  );
}

function VenueCode({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const code = useCheckInCode(sessionId, true);
  return (
    <Box component="section" aria-labelledby="venue-code-title" p="md" bg="gray.0" style={{ borderRadius: 8, textAlign: 'center' }}>
      <Title order={3} size="h5" id="venue-code-title" fw={600}>
        {t('checkIn.codeTitle')}
      </Title>
      {code.isPending ? (
        <Loading />
      ) : code.isError ? (
        <ErrorState error={code.error} onRetry={() => void code.refetch()} />
      ) : (
        <Text component="p" ff="monospace" fw={700} lh={1.1} my="sm" style={{ fontSize: 'clamp(2.5rem, 14vw, 4.5rem)', letterSpacing: '0.15em', wordBreak: 'break-all' }} data-testid="check-in-code">
          {code.data.code}
        </Text>
      )}
      <Text size="sm">{t('checkIn.codeHelp')}</Text>
    </Box>
  );
}

function AttendanceList({ session }: { session: SessionItem }) {
  const { t } = useTranslation();
  const inPerson = session.format !== 'online';
  const attendance = useAttendance(session.id, true);
  const members = useGroupMembers(session.groupId, inPerson);
  const checkIn = useCheckInMember(session.id);
  const records = attendance.data?.records ?? [];
  const modeOf = (userId: string) => (records.some((r) => r.userId === userId && r.mode === 'in_person') ? 'in_person' : records.some((r) => r.userId === userId) ? 'online' : null);
  const people = inPerson
    ? (members.data?.members ?? []).filter((m) => m.status === 'active').map((m) => ({ userId: m.userId, name: m.displayName }))
    : [...new Map(records.map((r) => [r.userId, { userId: r.userId, name: r.displayName }])).values()];
  const pending = attendance.isPending || (inPerson && members.isPending);
  const failed = attendance.error ?? (inPerson ? members.error : null);

  return (
    <Box component="section" aria-labelledby="attendance-title">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id="attendance-title">
          {t('checkIn.attendance')}
        </Title>
        {attendance.data && (
          <Text size="sm" c="dimmed" role="status">
            {t('checkIn.counts', { count: attendance.data.attendeeCount, going: attendance.data.goingCount })}
          </Text>
        )}
      </Group>
      {pending ? (
        <Loading />
      ) : failed ? (
        <ErrorState error={failed} onRetry={() => void Promise.all([attendance.refetch(), members.refetch()])} />
      ) : people.length === 0 ? (
        <Text>{t('checkIn.nobody')}</Text>
      ) : (
        <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {people.map((p) => {
            const mode = modeOf(p.userId);
            return (
              <Group component="li" key={p.userId} justify="space-between" gap="xs" py={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                <Text>{p.name}</Text>
                {mode === 'in_person' ? (
                  <Badge color="forest.9" variant="filled">{t('checkIn.checkedIn')}</Badge>
                ) : inPerson ? (
                  <Group gap={6}>
                    {mode === 'online' && <Badge color="ink" variant="outline">{t('checkIn.online')}</Badge>}
                    <Button size="xs" variant="outline" loading={checkIn.isPending && checkIn.variables === p.userId} onClick={() => checkIn.mutate(p.userId)} aria-label={t('checkIn.checkInName', { name: p.name })}>
                      {t('checkIn.checkIn')}
                    </Button>
                  </Group>
                ) : (
                  <Badge color="ink" variant="outline">{t('checkIn.online')}</Badge>
                )}
              </Group>
            );
          })}
        </Stack>
      )}
      <Box mt="sm">
        <FormError error={checkIn.error} />
      </Box>
    </Box>
  );
}
