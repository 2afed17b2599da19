import { Text } from '@mantine/core';

/** When a session happens, struck through with a note when it is cancelled: the same on every session card. */
export function SessionWhen({ startsAt, when, cancelledNote }: { startsAt: string; when: string; cancelledNote: string | null }) {
  return (
    <>
      <Text fw={600} td={cancelledNote ? 'line-through' : undefined}>
        <time dateTime={startsAt}>{when}</time>
      </Text>
      {cancelledNote && (
        <Text fw={600} c="red.9">
          {cancelledNote}
        </Text>
      )}
    </>
  );
}
