import { useEffect, useRef } from 'react';
import type { ServerEvent } from '@hearth/contracts';
import { getRealtimeClient } from './realtime-client.ts';

/**
 * Listens to a realtime room (`group:<id>`, `board:<id>`, `thread:<id>`) for `invalidate` events and hands their
 * keys to `onInvalidate`, which refetches through the API. Pass null to listen to nothing.
 */
export function useLiveInvalidation(room: string | null, onInvalidate: (keys: string[]) => void) {
  const handler = useRef(onInvalidate);
  handler.current = onInvalidate;
  useEffect(() => {
    if (!room) return;
    const off = getRealtimeClient().subscribe(
      room,
      (event: ServerEvent) => {
        if (event.type === 'invalidate') handler.current(event.keys);
      },
      () => 0,
    );
    return off;
  }, [room]);
}
