/** The queue of on-demand rooms' idle checks (one pending check per open room, chained by the check itself). */
export const ROOM_IDLE_QUEUE = 'matching.room-idle';

/**
 * Every idle-check key of a room starts with this, so a settings change can find and move a room's pending check
 * through the job queue (`shiftPendingJobs`) without knowing which check of the chain is pending.
 */
export const idleCheckPrefix = (roomId: string) => `room-idle:${roomId}:`;

/** The first check, scheduled when the room opens. */
export const firstIdleCheckKey = (roomId: string) => `${idleCheckPrefix(roomId)}open`;

/**
 * The check that follows job `jobId`. Keyed by its predecessor, not by its time: a moved check keeps its old key, and
 * a time-based key could then equal the next one's and silently drop it (the running check is still pending).
 */
export const nextIdleCheckKey = (roomId: string, jobId: string) => `${idleCheckPrefix(roomId)}after:${jobId}`;
