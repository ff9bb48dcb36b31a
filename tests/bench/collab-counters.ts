/**
 * bench:collab's counting clients, in a process of their own (forked by collab-generator.ts). They are most of
 * the load (990 of 1,000 sockets), and when they shared the measuring process, every observer's frame waited
 * there behind the same frame for hundreds of counters: the figures measured the generator as much as the
 * server. Here they cost the server's cores as little as they can:
 *
 * - each is a bare TCP socket that speaks just enough WebSocket (RFC 6455) for a y-websocket client: the upgrade,
 *   unmasked server frames, masked client frames with a zero key (allowed: the key only has to be present),
 *   pong to a ping (the reference server drops a client that does not answer), nothing else;
 * - after the sync handshake, each binary frame is only scanned for edit markers (countMarkers), never decoded.
 *
 * Driven over IPC: `open` n counters (at most 100 handshakes at a time) and answer once they are synced; `count`
 * answers the edits counted so far; `close` ends the process.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { countMarkers } from './collab-markers.ts';

/** What the measuring process tells its counters once, at the start. */
export interface CountersSetup {
  /** ws://host:port/path */
  url: string;
  headers: Record<string, string>;
  /** Bytes before every y-protocols message (Hocuspocus: the document name). */
  prefix: number[];
  /** Messages sent on open, before the sync handshake. */
  hello: number[][];
  /** Our sync step 1 (an empty state vector) and step 2 (nothing), each with the prefix. */
  step1: number[];
  step2: number[];
}

export type CountersRequest =
  | { type: 'setup'; setup: CountersSetup }
  | { type: 'open'; id: number; n: number }
  | { type: 'count'; id: number }
  | { type: 'close' };
export type CountersReply =
  | { type: 'opened'; id: number; error?: string }
  | { type: 'count'; id: number; edits: number; frames: number; open: number };

const SYNC = 0;
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;

/** A client frame: FIN + opcode, the mask bit and length, a zero mask key, the payload (unchanged by it). */
function clientFrame(opcode: number, payload: Uint8Array): Buffer {
  const n = payload.length;
  const head = n < 126 ? 2 : n < 65536 ? 4 : 10;
  const frame = Buffer.alloc(head + 4 + n);
  frame[0] = 0x80 | opcode;
  if (n < 126) frame[1] = 0x80 | n;
  else if (n < 65536) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeBigUInt64BE(BigInt(n), 2);
  }
  frame.set(payload, head + 4);
  return frame;
}

/** One counting client on a bare socket. */
class RawCounter {
  edits = 0;
  frames = 0;
  closed = false;
  readonly synced: Promise<void>;
  private socket: net.Socket;
  private pending: Buffer | null = null;
  private upgraded = false;
  private answered = false;

  constructor(setup: CountersSetup) {
    const url = new URL(setup.url);
    const p = setup.prefix.length;
    this.socket = net.connect(Number(url.port), url.hostname);
    this.socket.setNoDelay(true);
    let resolve: () => void;
    let reject: (error: Error) => void;
    this.synced = new Promise<void>((ok, fail) => ((resolve = ok), (reject = fail)));
    this.socket.on('connect', () => {
      const headers = Object.entries(setup.headers).map(([k, v]) => `${k}: ${v}\r\n`);
      this.socket.write(
        `GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\n` +
          `Connection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n` +
          `Sec-WebSocket-Version: 13\r\n${headers.join('')}\r\n`,
      );
    });
    this.socket.on('error', (error) => {
      this.closed = true;
      reject(error);
    });
    this.socket.on('close', () => {
      this.closed = true;
      reject(new Error('closed before the sync handshake ended'));
    });
    this.socket.on('data', (chunk: Buffer) => {
      let data = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
      this.pending = null;
      if (!this.upgraded) {
        const end = data.indexOf('\r\n\r\n');
        if (end < 0) return void (this.pending = data);
        const status = data.subarray(0, data.indexOf('\r\n')).toString();
        if (!/^HTTP\/1\.1 101/.test(status)) return reject(new Error(`counter: ${status}`));
        this.upgraded = true;
        for (const m of setup.hello) this.send(Uint8Array.from(m));
        this.send(Uint8Array.from(setup.step1)); // "send me everything", as a fresh client asks
        data = data.subarray(end + 4);
      }
      let at = 0;
      while (data.length - at >= 2) {
        const opcode = data[at]! & 0x0f;
        let length = data[at + 1]! & 0x7f;
        let start = at + 2;
        if (length === 126) {
          if (data.length - at < 4) break;
          length = data.readUInt16BE(at + 2);
          start = at + 4;
        } else if (length === 127) {
          if (data.length - at < 10) break;
          length = Number(data.readBigUInt64BE(at + 2));
          start = at + 10;
        }
        const end = start + length;
        if (end > data.length) break;
        if (opcode === 0x2) {
          this.frames++;
          if (data[start + p] === SYNC) {
            const kind = data[start + p + 1];
            if (kind === UPDATE) this.edits += countMarkers(data, start + p + 2, end);
            else if (kind === STEP2) resolve();
            else if (kind === STEP1 && !this.answered) {
              this.answered = true;
              this.send(Uint8Array.from(setup.step2)); // the server asks what we have: nothing
            }
          }
        } else if (opcode === 0x9) this.socket.write(clientFrame(0xa, data.subarray(start, end)));
        else if (opcode === 0x8) this.socket.end();
        at = end;
      }
      if (at < data.length) this.pending = Buffer.from(data.subarray(at)); // a frame cut across two reads
    });
  }

  private send(message: Uint8Array) {
    this.socket.write(clientFrame(0x2, message));
  }

  destroy() {
    this.socket.destroy();
  }
}

let setup: CountersSetup | undefined;
const counters: RawCounter[] = [];
const reply = (message: CountersReply) => process.send!(message);

process.on('message', async (message: CountersRequest) => {
  if (message.type === 'setup') setup = message.setup;
  else if (message.type === 'open') {
    try {
      for (let i = 0; i < message.n; i += 100) {
        const batch = Array.from({ length: Math.min(100, message.n - i) }, () => new RawCounter(setup!));
        counters.push(...batch);
        await Promise.all(batch.map((c) => c.synced));
      }
      reply({ type: 'opened', id: message.id });
    } catch (error) {
      reply({ type: 'opened', id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
  } else if (message.type === 'count') {
    let edits = 0;
    let frames = 0;
    let open = 0;
    for (const c of counters) {
      edits += c.edits;
      frames += c.frames;
      if (!c.closed) open++;
    }
    reply({ type: 'count', id: message.id, edits, frames, open });
  } else {
    for (const c of counters) c.destroy();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
