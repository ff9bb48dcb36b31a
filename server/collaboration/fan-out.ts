import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/**
 * Sending one message to every client of a document (one concern). A keystroke in a section read by a thousand
 * people is a thousand writes, and that is most of what the server does under load (bench:collab). `ws.send`
 * frames the message again for every socket and writes header and payload as two buffers; here the frame is
 * built once and the same bytes go to each socket in one write, and the frames of one stored batch go to each
 * socket together (ADR 0009).
 */

/** A client whose unsent backlog passes this is cut off: it reconnects and syncs afresh, the server keeps its memory. */
export const MAX_BACKLOG_BYTES = 8 * 1024 * 1024;

/**
 * A complete, unmasked, final binary frame of `payload` (RFC 6455, 5.2): what a server sends. (ws's own
 * `Sender.frame` is neither documented nor typed, and hands back header and payload apart.)
 */
export function binaryFrame(payload: Uint8Array): Buffer {
  const n = payload.byteLength;
  const head = n < 126 ? 2 : n < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(head + n);
  frame[0] = 0x82; // FIN, opcode 2 (binary)
  if (n < 126) frame[1] = n;
  else if (n < 65536) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(n), 2);
  }
  frame.set(payload, head);
  return frame;
}

/**
 * The TCP socket under a `ws` WebSocket. `_socket` is internal to ws (pinned in package.json); ws never holds a
 * frame back on a server without compression, so bytes written here keep their order with its own sends.
 */
function rawSocket(ws: WebSocket): Socket | undefined {
  return (ws as unknown as { _socket?: Socket })._socket;
}

/** Sends already-framed bytes (one frame or several) to an open client; a client too far behind is cut off. */
export function sendFrames(ws: WebSocket, frames: Buffer): void {
  if (ws.readyState !== ws.OPEN) return;
  const socket = rawSocket(ws);
  if (!socket) throw new Error('ws has no _socket: check the ws version pinned in package.json');
  if (socket.writableLength > MAX_BACKLOG_BYTES) return void ws.terminate();
  socket.write(frames);
}

/** A frame to send, and the client it came from (which does not get it back), if any. */
export interface Outgoing {
  frame: Buffer;
  from?: { socket: WebSocket };
}

/** Sends one frame to every client but the one it came from. */
export function broadcast(clients: Iterable<{ socket: WebSocket }>, { frame, from }: Outgoing): void {
  for (const client of clients) if (client !== from) sendFrames(client.socket, frame);
}

/** Sends the frames of a stored batch: each client gets, in one write, those of every change it did not send. */
export function broadcastBatch(clients: Iterable<{ socket: WebSocket }>, batch: Outgoing[]): void {
  if (batch.length <= 1) {
    if (batch[0]) broadcast(clients, batch[0]);
    return;
  }
  const all = Buffer.concat(batch.map((b) => b.frame));
  const senders = new Set(batch.map((b) => b.from));
  for (const client of clients) {
    if (!senders.has(client)) sendFrames(client.socket, all);
    else {
      const others = batch.filter((b) => b.from !== client);
      if (others.length) sendFrames(client.socket, Buffer.concat(others.map((b) => b.frame)));
    }
  }
}
