/**
 * The load generator of bench:collab: N clients on one document, W of them typing. It must cost far less than
 * the servers it measures (all share 2 cores), so:
 *
 * - most clients are Counters, in a process of their own (collab-counters.ts): bare sockets that do the sync
 *   handshake once, then only scan the bytes of each incoming document update for edit markers (‹id›) and count
 *   them — no Yjs decoding at all. In this process, each frame for an observer would wait behind the same frame
 *   for every counter: the latency would be the generator's as much as the server's;
 * - a small sample are Observers: real Y.Doc + y-protocols clients that decode every frame, and note when each
 *   typist's edit becomes part of their document (the typist's clock in their state vector), against the time
 *   the typist sent it (same process, same clock): that is the propagation latency;
 * - Typists are real Y.Doc clients that type a marked edit (‹id›, a few characters) 5 times a second at the end
 *   of their own paragraph, as an editor would.
 *
 * The same code runs against every server; only the framing differs (Hocuspocus prefixes every message with
 * the document name and wants an Auth message first).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { CountersReply, CountersRequest } from './collab-counters.ts';
import { cpuSeconds, track } from './collab-servers.ts';

/** How a server wants its messages framed. */
export interface Framing {
  /** Bytes before every y-protocols message (Hocuspocus: the document name as a varString), both ways. */
  prefix: Uint8Array;
  /** Messages to send on open before the sync handshake (Hocuspocus: an Auth token message). */
  hello: Uint8Array[];
}

export const yWebsocketFraming: Framing = { prefix: new Uint8Array(0), hello: [] };

/** Hocuspocus 4 framing: varString documentName, then the y-protocols message; an Auth (token) message first. */
export function hocuspocusFraming(documentName: string): Framing {
  const prefix = encoding.createEncoder();
  encoding.writeVarString(prefix, documentName);
  const auth = encoding.createEncoder();
  encoding.writeVarString(auth, documentName);
  encoding.writeVarUint(auth, 2); // MessageType.Auth
  encoding.writeVarUint(auth, 0); // AuthMessageType.Token
  encoding.writeVarString(auth, ''); // no token: the server has no onAuthenticate hook
  return { prefix: encoding.toUint8Array(prefix), hello: [encoding.toUint8Array(auth)] };
}

export interface Target {
  /** ws://host:port/path of the document. */
  url: string;
  /** Headers every socket sends (Origin, and for typists the member's Cookie). */
  headers: Record<string, string>;
  /** Extra headers for typists only (Plenum: the session cookie of a member, who may write). */
  typistHeaders: Record<string, string>;
  framing: Framing;
  /** A state to push into the document before the load (so every Yjs server holds the same text). */
  seed?: Uint8Array;
}

export interface LoadOptions {
  clients: number;
  typists: number;
  observers: number;
  editsPerSecond: number;
  seconds: number;
  warmupSeconds: number;
  /** Longest wait for the last frames after the typists stop. */
  drainMs: number;
}

export interface LoadResult {
  editsSent: number;
  editsExpected: number;
  editsDelivered: number;
  deliveryRatio: number;
  latencySamples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Wall time of the measured window: typing, then draining. */
  windowMs: number;
  drainMs: number;
  connectMs: number;
  /** CPU of the generator (both its processes) over the window, % of one core. */
  generatorCpuPercent: number;
  /** Of which: this process (typists and observers), and the counters' process. */
  measuringCpuPercent: number;
  countersCpuPercent: number;
  /** p99 lag of this process's event loop over the window (a busy generator delays what it measures). */
  generatorLoopDelayP99Ms: number;
  /** The state of the document as the first typist saw it on joining (to seed the other servers). */
  initialState: Uint8Array;
}

const SYNC = 0;
const STEP2 = 1;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A y-protocols message (type byte first), with the server's prefix in front. */
function framed(framing: Framing, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeUint8Array(e, framing.prefix);
  write(e);
  return encoding.toUint8Array(e);
}

function open(url: string, headers: Record<string, string>): WebSocket {
  const ws = new WebSocket(url, { headers, perMessageDeflate: false });
  ws.on('error', () => {}); // a socket lost mid-run shows in the delivery ratio; before opening, `opened` throws
  return ws;
}

function opened(ws: WebSocket, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', (error) => reject(new Error(`${what}: ${error.message}`)));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`${what}: HTTP ${res.statusCode}`)));
  });
}

/** The counting clients, in their own process (collab-counters.ts), driven over IPC. */
class Counters {
  private readonly child: ChildProcess;
  private nextId = 0;
  private readonly waiting = new Map<number, (reply: CountersReply) => void>();

  constructor(target: Target, handshake: { step1: Uint8Array; step2: Uint8Array }) {
    this.child = track(fork('tests/bench/collab-counters.ts', [], { execArgv: ['--import', 'tsx'] }));
    this.child.on('message', (reply: CountersReply) => {
      this.waiting.get(reply.id)?.(reply);
      this.waiting.delete(reply.id);
    });
    this.child.send({
      type: 'setup',
      setup: {
        url: target.url,
        headers: target.headers,
        prefix: [...target.framing.prefix],
        hello: target.framing.hello.map((m) => [...m]),
        step1: [...handshake.step1],
        step2: [...handshake.step2],
      },
    } satisfies CountersRequest);
  }

  get pid() {
    return this.child.pid!;
  }

  /** Sends a request and waits for its answer. */
  private ask(message: CountersRequest & { id: number }): Promise<CountersReply> {
    return new Promise((resolve, reject) => {
      this.waiting.set(message.id, resolve);
      this.child.send(message, (error) => error && reject(error));
    });
  }

  /** Opens `n` more counters, resolved once every one of them is synced. */
  async open(n: number): Promise<void> {
    const reply = await this.ask({ type: 'open', id: this.nextId++, n });
    if (reply.type === 'opened' && reply.error) throw new Error(`counters: ${reply.error}`);
  }

  /** Edits counted so far by all counters. */
  async edits(): Promise<number> {
    const reply = await this.ask({ type: 'count', id: this.nextId++ });
    return reply.type === 'count' ? reply.edits : 0;
  }

  close() {
    if (this.child.connected) this.child.send({ type: 'close' } satisfies CountersRequest);
    this.child.kill('SIGKILL');
  }
}

/** A real Yjs client (y-protocols sync over the given framing): typists and observers. */
class YClient {
  readonly doc = new Y.Doc();
  readonly ws: WebSocket;
  readonly synced: Promise<void>;
  /** When the last local change was sent (performance.now()). */
  sentAt = 0;
  /** Called after every incoming sync frame was applied (observers time the edits there). */
  onApplied: () => void = () => {};

  constructor(
    private readonly target: Target,
    headers: Record<string, string>,
  ) {
    const p = target.framing.prefix.length;
    this.ws = open(target.url, headers);
    let gotState: () => void;
    const state = new Promise<void>((resolve) => (gotState = resolve));
    this.ws.on('message', (data: Buffer) => {
      if (data[p] !== SYNC) return; // awareness, Hocuspocus auth and sync-status messages
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset + p + 1, data.length - p - 1));
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, SYNC);
      const kind = syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
      if (encoding.length(reply) > 1) this.send(encoding.toUint8Array(reply));
      if (kind === STEP2) gotState();
      this.onApplied();
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return; // from the server: nothing to send back
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, SYNC);
      syncProtocol.writeUpdate(e, update);
      this.sentAt = performance.now();
      this.send(encoding.toUint8Array(e));
    });
    const ready = opened(this.ws, 'client').then(() => {
      for (const m of target.framing.hello) this.ws.send(m);
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, SYNC);
      syncProtocol.writeSyncStep1(e, this.doc);
      this.send(encoding.toUint8Array(e));
    });
    this.synced = Promise.all([ready, state]).then(() => {});
  }

  /** Sends a y-protocols message with this server's prefix. */
  private send(message: Uint8Array) {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.ws.send(framed(this.target.framing, (e) => encoding.writeUint8Array(e, message)));
  }
}

/** One typist: its own paragraph, a marked edit at each tick; remembers when each edit left. */
class Typist {
  readonly client: YClient;
  private text?: Y.XmlText;
  private seq = 0;
  /** Measured edits: the typist's clock once the edit is in, and when it was sent. */
  readonly sent: { clock: number; at: number }[] = [];

  constructor(
    target: Target,
    readonly index: number,
  ) {
    this.client = new YClient(target, { ...target.headers, ...target.typistHeaders });
  }

  get clientId() {
    return this.client.doc.clientID;
  }

  startParagraph() {
    const paragraph = new Y.XmlElement('paragraph');
    this.text = new Y.XmlText();
    paragraph.insert(0, [this.text]);
    this.client.doc.getXmlFragment('default').push([paragraph]);
  }

  /** Types a few characters: marked (‹typist.seq›) when measured, plain text during the warm-up. */
  type(measured: boolean) {
    const text = this.text!;
    if (!measured) return text.insert(text.length, 'warm ');
    const id = `${this.index.toString(36)}.${(this.seq++).toString(36)}`;
    text.insert(text.length, `‹${id}›`);
    this.sent.push({ clock: Y.getState(this.client.doc.store, this.clientId), at: this.client.sentAt });
  }
}

/** An observer: a real client that notes, for every typist, when each of its edits reached its document. */
class Observer {
  readonly client: YClient;
  readonly latencies: number[] = [];
  seen = 0;
  private readonly next = new Map<Typist, number>();

  constructor(target: Target) {
    this.client = new YClient(target, target.headers);
  }

  watch(typists: Typist[]) {
    for (const t of typists) this.next.set(t, 0);
    this.client.onApplied = () => {
      const now = performance.now();
      for (const [typist, index] of this.next) {
        let i = index;
        const state = Y.getState(this.client.doc.store, typist.clientId);
        while (i < typist.sent.length && typist.sent[i]!.clock <= state) {
          this.latencies.push(now - typist.sent[i]!.at);
          i++;
        }
        if (i !== index) {
          this.seen += i - index;
          this.next.set(typist, i);
        }
      }
    };
  }
}

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Runs one load against one server: connects everyone (observers spread among the counters, so that they are
 * neither first nor last in the server's broadcast order), lets the typists type, waits for the last frames,
 * and measures. `measure` is called at the start and end of the window (the caller reads the server's CPU).
 */
export async function runLoad(
  target: Target,
  options: LoadOptions,
  measure: { start: () => void; end: () => void },
): Promise<LoadResult> {
  const readers = options.clients - options.typists;
  let counters: Counters | undefined;
  const observers: Observer[] = [];
  const typists: Typist[] = [];
  const connectStarted = performance.now();
  const empty = new Y.Doc();
  const handshake = {
    step1: framed(target.framing, (e) => (encoding.writeVarUint(e, SYNC), syncProtocol.writeSyncStep1(e, empty))),
    step2: framed(target.framing, (e) => (encoding.writeVarUint(e, SYNC), syncProtocol.writeSyncStep2(e, empty))),
  };
  try {
    // The first typist joins first: on a server that keeps state, it pushes the seed (the same text everywhere).
    const first = new Typist(target, 0);
    typists.push(first);
    await first.client.synced;
    const initialState = Y.encodeStateAsUpdate(first.client.doc);
    if (target.seed) {
      Y.applyUpdate(first.client.doc, target.seed);
      await sleep(200);
    }
    const pool = (counters = new Counters(target, handshake));

    const perGroup = Math.ceil((readers - options.observers) / (options.observers + 1));
    let counterCount = readers - options.observers;
    for (let g = 0; g <= options.observers; g++) {
      const n = Math.min(perGroup, counterCount);
      counterCount -= n;
      // At most 100 handshakes at a time, as a crowd arriving rather than one burst.
      if (n > 0) await pool.open(n);
      if (g < options.observers) {
        const observer = new Observer(target);
        observers.push(observer);
        await observer.client.synced;
      }
    }
    for (let i = 1; i < options.typists; i++) typists.push(new Typist(target, i));
    await Promise.all(typists.map((t) => t.client.synced));
    for (const o of observers) o.watch(typists);
    // Everyone is here: each typist opens its paragraph (seen live by all, even by a server with no state).
    for (const t of typists) t.startParagraph();
    const connectMs = performance.now() - connectStarted;
    await sleep(500);

    // Typing on a fixed schedule, typists spread evenly over each period.
    const period = 1000 / options.editsPerSecond;
    const type = async (ms: number, measured: boolean) => {
      const started = performance.now();
      await Promise.all(
        typists.map(async (typist, i) => {
          let tick = 0;
          for (;;) {
            const due = started + (i * period) / typists.length + tick * period;
            if (due > started + ms) return;
            const wait = due - performance.now();
            if (wait > 0) await sleep(wait);
            typist.type(measured);
            tick++;
          }
        }),
      );
    };
    await type(options.warmupSeconds * 1000, false);
    await sleep(300);

    const loopResolutionMs = 10;
    const loop = monitorEventLoopDelay({ resolution: loopResolutionMs });
    const cpuBefore = process.cpuUsage();
    const countersCpuBefore = cpuSeconds(pool.pid);
    const windowStart = performance.now();
    measure.start();
    loop.enable();
    await type(options.seconds * 1000, true);
    const typingEnd = performance.now();

    const editsSent = typists.reduce((n, t) => n + t.sent.length, 0);
    const editsExpected = editsSent * readers;
    const delivered = async () => (await pool.edits()) + observers.reduce((n, o) => n + o.seen, 0);
    while ((await delivered()) < editsExpected && performance.now() - typingEnd < options.drainMs) await sleep(20);
    const windowEnd = performance.now();
    measure.end();
    loop.disable();
    const cpu = process.cpuUsage(cpuBefore);
    const countersCpu = cpuSeconds(pool.pid) - countersCpuBefore;
    const windowMs = windowEnd - windowStart;

    const latencies = observers.flatMap((o) => o.latencies).sort((a, b) => a - b);
    const editsDelivered = await delivered();
    const measuringCpuPercent = ((cpu.user + cpu.system) / 1000 / windowMs) * 100;
    const countersCpuPercent = ((countersCpu * 1000) / windowMs) * 100;
    return {
      editsSent,
      editsExpected,
      editsDelivered,
      deliveryRatio: editsDelivered / editsExpected,
      latencySamples: latencies.length,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      maxMs: latencies.at(-1) ?? NaN,
      windowMs,
      drainMs: windowEnd - typingEnd,
      connectMs,
      generatorCpuPercent: measuringCpuPercent + countersCpuPercent,
      measuringCpuPercent,
      countersCpuPercent,
      // The histogram holds the time between two ticks of its timer: the lag is what exceeds the timer's period.
      generatorLoopDelayP99Ms: Math.max(0, loop.percentile(99) / 1e6 - loopResolutionMs),
      initialState,
    };
  } finally {
    counters?.close();
    for (const ws of [...observers.map((o) => o.client.ws), ...typists.map((t) => t.client.ws)]) ws.terminate();
    for (const c of [...observers.map((o) => o.client), ...typists.map((t) => t.client)]) c.doc.destroy();
  }
}
