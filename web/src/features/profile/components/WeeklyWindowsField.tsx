import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type WeeklyWindowValue = { weekday: number; start: string; end: string };

/** The words around the field, from the page's own catalog section. */
export type WeeklyWindowsLabels = { legend: string; help?: string; weekday: string; from: string; to: string; remove: string; add: string };

/**
 * When a person is free, as weekly windows in their own time zone (weekday 1 = Monday … 7 = Sunday). `errorFor`
 * gives the server's kind message for a path such as `availability.0.start`.
 */
export function WeeklyWindowsField({ value, onChange, labels, errorFor, newWindow = { weekday: 1, start: '18:00', end: '21:00' } }: {
  value: WeeklyWindowValue[];
  onChange: (v: WeeklyWindowValue[]) => void;
  labels: WeeklyWindowsLabels;
  errorFor?: (path: string) => string | undefined;
  newWindow?: WeeklyWindowValue;
}) {
  const { i18n } = useTranslation();
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: new Intl.DateTimeFormat(i18n.language, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, d))) }));
  const setWindow = (i: number, w: WeeklyWindowValue) => onChange(value.map((x, j) => (j === i ? w : x)));
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend>
        <Text fw={500} size="sm">
          {labels.legend}
        </Text>
      </legend>
      {labels.help && (
        <Text size="sm" c="dimmed">
          {labels.help}
        </Text>
      )}
      <Stack gap="xs" mt="xs">
        {value.map((w, i) => (
          <Group key={i} gap="xs" align="flex-end">
            <NativeSelect label={labels.weekday} data={weekdays} value={String(w.weekday)} onChange={(e) => setWindow(i, { ...w, weekday: Number(e.currentTarget.value) })} />
            <TextInput type="time" label={labels.from} value={w.start} onChange={(e) => setWindow(i, { ...w, start: e.currentTarget.value })} error={errorFor?.(`availability.${i}.start`)} />
            <TextInput type="time" label={labels.to} value={w.end} onChange={(e) => setWindow(i, { ...w, end: e.currentTarget.value })} error={errorFor?.(`availability.${i}.end`)} />
            <Button variant="subtle" color="ink" onClick={() => onChange(value.filter((_, j) => j !== i))}>
              {labels.remove}
            </Button>
          </Group>
        ))}
        <Button variant="light" size="xs" style={{ alignSelf: 'flex-start' }} onClick={() => onChange([...value, newWindow])}>
          {labels.add}
        </Button>
      </Stack>
    </fieldset>
  );
}
