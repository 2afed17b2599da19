import { useMemo, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldError, needsFormError } from '../../../lib/api-client.ts';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { listTimeZones } from '../../../lib/time.ts';
import { useFocusOnError } from '../../../lib/use-focus-on-error.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useMe, useViewerZone } from '../../auth/hooks.ts';
import type { RotaPerson, Shift, ShiftsResponse } from '../api.ts';
import { useMyShifts, useRota, useSaveMyShifts } from '../hooks.ts';
import { checkShift, shiftSpan, shiftStartIn, sortShifts, WEEKDAYS, weekdayName } from '../rota.ts';
import { NotOnCallTeam } from './OnCallPage.tsx';
import { OnCallHeader } from '../components/OnCallHeader.tsx';

/** On-call shifts: moderators and clinicians keep their own weekly hours in their own time zone; everyone on the team sees the rota. */
export function ShiftsPage() {
  const { t } = useTranslation();
  usePageTitle(t('safety.shifts.title'));
  const me = useMe();
  if (!me?.abilities.moderate) return <NotOnCallTeam />;
  const keepsShifts = me.role === 'moderator' || me.role === 'clinician';
  return (
    <Stack gap="lg">
      <OnCallHeader title={t('safety.shifts.title')} intro={t('safety.shifts.intro')} />
      {keepsShifts && <MyShifts />}
      <Rota />
    </Stack>
  );
}

function MyShifts() {
  const { t } = useTranslation();
  const shifts = useMyShifts(true);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="my-shifts-title">
      <Title order={2} size="h3" id="my-shifts-title" mb="xs">
        {t('safety.shifts.mineTitle')}
      </Title>
      {shifts.isPending ? <Loading /> : shifts.isError ? <ErrorState error={shifts.error} onRetry={() => void shifts.refetch()} /> : <ShiftEditor saved={shifts.data} />}
    </Paper>
  );
}

type Row = Shift & { key: number };
let rowKey = 0;
const toRows = (shifts: Shift[]): Row[] => sortShifts(shifts).map((s) => ({ ...s, key: ++rowKey }));

function ShiftEditor({ saved }: { saved: ShiftsResponse }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [timezone, setTimezone] = useState(saved.shifts.length > 0 ? saved.timezone : (me?.timezone ?? saved.timezone));
  const [rows, setRows] = useState<Row[]>(() => toRows(saved.shifts));
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState(false);
  const save = useSaveMyShifts();
  const zones = useMemo(() => listTimeZones(timezone), [timezone]);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, save.error);

  const update = (key: number, patch: Partial<Shift>) => {
    setDone(false);
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };
  const problems = rows.map(checkShift);
  const hasProblems = problems.some((p) => p.start || p.end);

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setChecked(true);
        if (hasProblems) return;
        save.mutate(
          { timezone, shifts: rows.map(({ weekday, start, end }) => ({ weekday, start, end })) },
          { onSuccess: (r) => { setRows(toRows(r.shifts)); setDone(true); setChecked(false); } },
        );
      }}
    >
      <Stack gap="md">
        <Text size="sm">{saved.onCallNow ? t('safety.shifts.onCallNow') : t('safety.shifts.notOnCallNow')}</Text>
        <NativeSelect
          label={t('safety.shifts.timezone')}
          description={t('safety.shifts.timezoneHelp')}
          value={timezone}
          onChange={(e) => { setTimezone(e.currentTarget.value); setDone(false); }}
          data={zones}
          error={fieldError(save.error, 'timezone')}
        />
        <Text size="sm" c="dimmed">
          {t('safety.shifts.howTimesWork')}
        </Text>
        {rows.length === 0 ? (
          <Text>{t('safety.shifts.none')}</Text>
        ) : (
          <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {rows.map((row, i) => {
              const n = i + 1;
              const span = shiftSpan(row);
              return (
                <li key={row.key}>
                  <fieldset style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8, padding: '8px 12px', margin: 0 }}>
                    <legend style={{ fontWeight: 600, padding: '0 4px' }}>{t('safety.shifts.shiftN', { n })}</legend>
                    <Group align="flex-end" gap="sm" wrap="wrap">
                      <NativeSelect
                        label={t('safety.shifts.day')}
                        value={String(row.weekday)}
                        onChange={(e) => update(row.key, { weekday: Number(e.currentTarget.value) })}
                        data={WEEKDAYS.map((d) => ({ value: String(d), label: weekdayName(d, i18n.language) }))}
                      />
                      <TextInput
                        type="time"
                        label={t('safety.shifts.start')}
                        value={row.start}
                        onChange={(e) => update(row.key, { start: e.currentTarget.value })}
                        error={checked && problems[i]!.start ? t('safety.shifts.errors.time') : fieldError(save.error, `shifts.${i}.start`)}
                        required
                      />
                      <TextInput
                        type="time"
                        label={t('safety.shifts.end')}
                        value={row.end}
                        onChange={(e) => update(row.key, { end: e.currentTarget.value })}
                        error={checked && problems[i]!.end ? t('safety.shifts.errors.time') : fieldError(save.error, `shifts.${i}.end`)}
                        required
                      />
                      <Button variant="subtle" color="red" onClick={() => { setRows((rs) => rs.filter((r) => r.key !== row.key)); setDone(false); }}>
                        {t('safety.shifts.remove', { n })}
                      </Button>
                    </Group>
                    {span !== 'sameDay' && (
                      <Text size="sm" mt={4}>
                        {t(`safety.shifts.span.${span}`)}
                      </Text>
                    )}
                  </fieldset>
                </li>
              );
            })}
          </Stack>
        )}
        <Button
          variant="outline"
          w="fit-content"
          onClick={() => {
            setDone(false);
            setRows((rs) => [...rs, { weekday: rs.at(-1)?.weekday ?? 1, start: '09:00', end: '17:00', key: ++rowKey }]);
          }}
        >
          {t('safety.shifts.add')}
        </Button>
        {needsFormError(save.error, ['timezone', 'shifts']) && <FormError error={save.error} />}
        {checked && hasProblems && (
          <Text role="alert" c="red.9" size="sm">
            {t('safety.shifts.errors.summary')}
          </Text>
        )}
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {t('safety.shifts.save')}
          </Button>
          <Text role="status" size="sm">
            {done ? t('safety.shifts.saved') : ''}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}

function Rota() {
  const { t } = useTranslation();
  const rota = useRota();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="rota-title">
      <Title order={2} size="h3" id="rota-title" mb="xs">
        {t('safety.rota.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('safety.rota.intro')}
      </Text>
      {rota.isPending ? (
        <Loading />
      ) : rota.isError ? (
        <ErrorState error={rota.error} onRetry={() => void rota.refetch()} />
      ) : rota.data.people.length === 0 ? (
        <Text>{t('safety.rota.empty')}</Text>
      ) : (
        <>
          {rota.data.people.every((p) => p.shifts.length === 0) && (
            <Alert color="amber" mb="sm">
              {t('safety.rota.nobodyHasShifts')}
            </Alert>
          )}
          {/* Scrolls sideways on a phone; focusable so keyboard users can scroll it too. */}
          <div role="region" aria-label={t('safety.rota.caption')} tabIndex={0} style={{ overflowX: 'auto' }}>
            <Table striped verticalSpacing="xs" miw={560}>
              <Table.Caption>{t('safety.rota.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('safety.rota.person')}</Table.Th>
                  <Table.Th scope="col">{t('safety.rota.timezone')}</Table.Th>
                  <Table.Th scope="col">{t('safety.rota.shifts')}</Table.Th>
                  <Table.Th scope="col">{t('safety.rota.now')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rota.data.people.map((p) => (
                  <RotaRow key={p.id} p={p} />
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </>
      )}
    </Paper>
  );
}

function RotaRow({ p }: { p: RotaPerson }) {
  const { t, i18n } = useTranslation();
  const viewerZone = useViewerZone();
  const lang = i18n.language;
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={600}>
        {p.displayName}{' '}
        <Text span size="sm" c="dimmed" fw={400}>
          {t(`safety.rota.role.${p.role}`, { defaultValue: p.role })}
        </Text>
      </Table.Th>
      <Table.Td>{p.timezone ?? '—'}</Table.Td>
      <Table.Td>
        {p.shifts.length === 0 ? (
          <Text size="sm">{t('safety.rota.noShifts')}</Text>
        ) : (
          <Stack component="ul" gap={2} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {p.shifts.map((s, i) => {
              const local = p.timezone && p.timezone !== viewerZone ? shiftStartIn(s, p.timezone, viewerZone) : null;
              const span = shiftSpan(s);
              return (
                <li key={i}>
                  <Text size="sm">
                    {t('safety.rota.shift', { day: weekdayName(s.weekday, lang, 'short'), start: s.start, end: s.end })}
                    {span === 'allDay' ? ` (${t('safety.rota.allDay')})` : ''}
                    {local ? (
                      <Text span size="sm" c="dimmed">
                        {' '}
                        {t('safety.rota.yourTime', { day: weekdayName(local.weekday, lang, 'short'), time: local.time })}
                      </Text>
                    ) : null}
                  </Text>
                </li>
              );
            })}
          </Stack>
        )}
      </Table.Td>
      <Table.Td>
        {p.onCallNow ? (
          <Badge color="forest" variant="light" radius="sm">
            {t('safety.rota.onNow')}
          </Badge>
        ) : (
          <Text size="sm">{t('safety.rota.offNow')}</Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
