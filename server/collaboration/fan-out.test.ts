import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { binaryFrame, MAX_BACKLOG_BYTES, sendFrames } from './fan-out.ts';

/** A ws server and one client connected to it; the server side's socket is what the fan-out writes to. */
async function pair(): Promise<{ server: WebSocket; client: WebSocket; close: () => Promise<void> }> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await once(wss, 'listening');
  const connected = once(wss, 'connection') as Promise<[WebSocket]>;
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
  client.binaryType = 'nodebuffer';
  client.on('error', () => {});
  const [[server]] = await Promise.all([connected, once(client, 'open')]);
  return {
    server,
    client,
    close: async () => {
      client.terminate();
      for (const ws of wss.clients) ws.terminate();
      await new Promise((r) => wss.close(r));
    },
  };
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('binaryFrame', () => {
  it('builds frames that a WebSocket client reads back byte for byte, at every length encoding', async () => {
    const { server, client, close } = await pair();
    cleanup = close;
    const lengths = [0, 1, 125, 126, 65_535, 65_536, 200_000];
    const received: Buffer[] = [];
    client.on('message', (data: Buffer, isBinary: boolean) => isBinary && received.push(data));
    const payloads = lengths.map((length) => Uint8Array.from({ length }, (_, i) => (i * 7 + length) % 256));
    for (const payload of payloads) sendFrames(server, binaryFrame(payload));
    while (received.length < lengths.length) await new Promise((r) => setTimeout(r, 10));
    expect(received.map((d) => d.byteLength)).toEqual(lengths);
    payloads.forEach((payload, i) => expect(Buffer.compare(received[i]!, Buffer.from(payload))).toBe(0));
  });
});

describe('sendFrames', () => {
  it('delivers frames in the order they were sent, mixed with the socket’s own sends, several in one write', async () => {
    const { server, client, close } = await pair();
    cleanup = close;
    const received: number[] = [];
    client.on('message', (data: Buffer) => received.push(data[0]!));
    server.send(Uint8Array.of(1));
    sendFrames(server, binaryFrame(Uint8Array.of(2)));
    server.send(Uint8Array.of(3));
    sendFrames(server, Buffer.concat([binaryFrame(Uint8Array.of(4)), binaryFrame(Uint8Array.of(5))]));
    while (received.length < 5) await new Promise((r) => setTimeout(r, 10));
    expect(received).toEqual([1, 2, 3, 4, 5]);
  });

  it('sends nothing to a closing socket', async () => {
    const { server, client, close } = await pair();
    cleanup = close;
    const received: Buffer[] = [];
    client.on('message', (data: Buffer) => received.push(data));
    server.close(1000, 'bye');
    sendFrames(server, binaryFrame(Uint8Array.of(9)));
    await once(client, 'close');
    expect(received).toEqual([]);
  });

  it('cuts off a client that reads nothing once its backlog passes the limit, and not before', async () => {
    const { server, client, close } = await pair();
    cleanup = close;
    (client as unknown as { _socket: { pause(): void } })._socket.pause(); // a client that stopped reading
    const chunk = binaryFrame(new Uint8Array(256 * 1024));
    let sent = 0;
    while (server.readyState === WebSocket.OPEN && sent < 20 * MAX_BACKLOG_BYTES) {
      sendFrames(server, chunk);
      sent += chunk.byteLength;
    }
    expect(server.readyState).not.toBe(WebSocket.OPEN);
    expect(sent).toBeGreaterThan(MAX_BACKLOG_BYTES);
  });
});
