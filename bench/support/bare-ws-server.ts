/**
 * The physical reference for fan-out benches: a bare `ws` server that knows rooms and nothing else. A client sends
 * `{"room","body"}`; the server stamps a per-room seq and sends one serialized copy to every socket in the room.
 * No auth, no safety, no storage. Started as its own process (like a Hearth node) and prints its port.
 */
import { WebSocketServer, type WebSocket } from 'ws';

const rooms = new Map<string, { seq: number; sockets: Set<WebSocket> }>();
const server = new WebSocketServer({ port: 0, host: '127.0.0.1', maxPayload: 64 * 1024 });
server.on('connection', (socket, request) => {
  const room = new URL(request.url ?? '/', 'http://x').searchParams.get('room') ?? 'lobby';
  let entry = rooms.get(room);
  if (!entry) rooms.set(room, (entry = { seq: 0, sockets: new Set() }));
  entry.sockets.add(socket);
  socket.on('close', () => entry.sockets.delete(socket));
  socket.on('message', (data) => {
    const { body, clientId } = JSON.parse(data.toString()) as { body: string; clientId: string };
    const seq = ++entry.seq;
    const json = JSON.stringify({ type: 'message.created', room: `room:${room}`, seq, message: { id: `${room}-${seq}`, roomId: room, seq, clientId, body, createdAt: new Date().toISOString() } });
    for (const s of entry.sockets) s.send(json);
  });
});
server.on('listening', () => console.log(`port ${(server.address() as { port: number }).port}`));
