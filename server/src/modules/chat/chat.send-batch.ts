import type { Db } from '../../platform/db/index.ts';
import { createCoalescer } from '../../platform/coalesce.ts';
import * as repo from './chat.repo.ts';

/**
 * Publishing a stored message in its room's seq order on this node: `run` waits for every earlier message of the
 * room (stored by this node) to be published first. `release` must be called in all cases (it is idempotent), or the
 * room's later messages would wait forever.
 */
export type PublishTurn = { run(publish: () => Promise<unknown>): Promise<void>; release(): void };

/** A duplicate client id: the message was (or is being) stored by another send; the caller answers with that one. */
function duplicateClientId(): Error {
  return Object.assign(new Error('duplicate client id'), { code: '23505' });
}

/**
 * A constraint or data problem with some row (not the database being down): the batch is stored again one message
 * at a time, so only the message at fault fails. Class 23 (integrity), 22 (data) and 40 (a deadlock or
 * serialization failure, which can hit a batch spanning rooms locked elsewhere).
 */
function isRowProblem(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
  return typeof code === 'string' && /^(23|22|40)/.test(code);
}

/**
 * The chat send path's group commit (one per node). Messages that arrive while a batch is being stored wait for it
 * and are then stored together in ONE statement (seq allocation per room + encrypted insert), committed before any of
 * them is acknowledged. On an idle node a message is stored at the next turn of the event loop: no added delay.
 * A database failure fails the whole batch (each caller answers 503); a problem with one row fails only that one.
 */
export function createSendBatcher(db: Db) {
  const tails = new Map<string, Promise<void>>();

  /** Called in seq order for each room, right after commit, so publishing keeps the seq order. */
  function takeTurn(roomId: string): PublishTurn {
    const previous = tails.get(roomId) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const mine = previous.then(() => done);
    tails.set(roomId, mine);
    void mine.then(() => {
      if (tails.get(roomId) === mine) tails.delete(roomId);
    });
    return {
      async run(publish) {
        await previous;
        try {
          await publish();
        } finally {
          release();
        }
      },
      release: () => release(),
    };
  }

  async function storeOneByOne(values: repo.NewMessage[]): Promise<Array<repo.MessageRow | null | Error>> {
    const results: Array<repo.MessageRow | null | Error> = [];
    // One after another, in arrival order, so seqs still follow the order the messages came in.
    for (const value of values) results.push(await repo.insertMessagesWithNextSeq(db, [value]).then(([row]) => row ?? null, (err: Error) => err));
    return results;
  }

  const coalescer = createCoalescer<repo.NewMessage, { row: repo.MessageRow; turn: PublishTurn }>(async (items) => {
    // The same client id twice in one batch: only the first is stored; the others are answered with it.
    const seen = new Set<string>();
    const unique: repo.NewMessage[] = [];
    const slot = items.map((item) => {
      const key = repo.clientKey(item.roomId, item.authorId, item.clientId);
      if (seen.has(key)) return -1;
      seen.add(key);
      unique.push(item);
      return unique.length - 1;
    });
    let stored: Array<repo.MessageRow | null | Error>;
    try {
      stored = await repo.insertMessagesWithNextSeq(db, unique);
    } catch (err) {
      if (!isRowProblem(err) || unique.length === 1) throw err;
      stored = await storeOneByOne(unique);
    }
    // Turns are taken here, in arrival order, which is each room's seq order.
    return slot.map((i) => {
      if (i < 0) return duplicateClientId();
      const row = stored[i];
      if (row instanceof Error) return row;
      if (!row) return new Error('room does not exist');
      return { row, turn: takeTurn(row.roomId) };
    });
  });

  /** Resend lookups of a batch of sends in one statement. */
  const resends = createCoalescer<{ roomId: string; authorId: string; clientId: string }, repo.MessageWithAuthor | null>(async (keys) => {
    const found = await repo.findMessagesByClientIds(db, keys);
    return keys.map((k) => found.get(repo.clientKey(k.roomId, k.authorId, k.clientId)) ?? null);
  });

  return {
    /** The message a person already sent with this client id (a resend after a lost acknowledgement), batched. */
    findResent: (key: { roomId: string; authorId: string; clientId: string }) => resends.add(key),
    /** Stores one message with the room's next seq, in the next batch; resolves once committed. */
    store: (value: repo.NewMessage) => coalescer.add(value),
  };
}

export type SendBatcher = ReturnType<typeof createSendBatcher>;
