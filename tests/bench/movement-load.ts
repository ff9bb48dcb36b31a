/**
 * The load generator of bench:movement: requests of each kind at a steady rate (open loop: a slow answer does not
 * slow the arrivals down), each from its own loopback address (127.10.x.y) so that the per-address rate limit sees
 * as many members as there are, as it would behind nginx on a real site; and live editors over WebSockets, whose
 * edits are timed until another editor of the same section, often on the other process, has them.
 */
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

export interface Answer {
  status: number;
  ms: number;
  body: string;
}

/**
 * What the clients trust when nginx speaks TLS (the bench's self-signed certificate), made once: given as `ca`,
 * Node would build a new context, and parse the certificate again, for every request, a third of this process's
 * CPU, which a browser does not spend and which the server processes then lack on a shared machine.
 */
let trusted: tls.SecureContext | undefined;
/** The same certificate for the editors' sockets (ws takes no context; they connect once). */
let trustedCa: string | undefined;
export function trustCertificate(pem: string) {
  trusted = tls.createSecureContext({ ca: pem });
  trustedCa = pem;
}

/** The loopback address member `i` connects from. */
export const addressOf = (i: number) => `127.10.${(i >> 8) & 255}.${i & 255}`;

/** One HTTP request through nginx, from `from`; a network failure is status 0. */
export function request(
  base: URL,
  options: { path: string; from: string; cookie?: string; form?: Record<string, string>; origin: string },
): Promise<Answer> {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  const started = performance.now();
  return new Promise((resolve) => {
    const secure = base.protocol === 'https:';
    const req = (secure ? https : http).request(
      {
        ...(secure ? { secureContext: trusted } : {}),
        host: base.hostname,
        port: base.port,
        path: options.path,
        method: body ? 'POST' : 'GET',
        localAddress: options.from,
        agent: false,
        headers: {
          ...(options.cookie ? { cookie: `plenum_session=${options.cookie}` } : {}),
          ...(body
            ? {
                'content-type': 'application/x-www-form-urlencoded',
                'content-length': Buffer.byteLength(body),
                origin: options.origin,
              }
            : {}),
          accept: 'text/html',
        },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - started,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        // A connection cut in the middle of the answer (a process stopping) ends neither with 'end' nor with the
        // request's 'error': without this the run would wait for it for ever. An answer settles once.
        res.on('error', () => {});
        res.on('close', () => {
          if (!res.complete) resolve({ status: 0, ms: performance.now() - started, body: 'answer cut short' });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ status: 0, ms: performance.now() - started, body: error.message }));
    if (body) req.write(body);
    req.end();
  });
}

export interface ClassFigures {
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The slowest requests, with when they were sent (seconds into the run): whether the tail is one moment. */
  slowest: { atS: number; ms: number }[];
  /** p99 of the requests sent in each tenth of the run, in order: whether the tail is the start, a restart, or all along. */
  p99ByTenth: number[];
  /** p50/p99 per kind of page, where the class mixes kinds (members' pages: sections, amendments, the program). */
  byKind?: Record<string, { requests: number; p50Ms: number; p99Ms: number }>;
  firstError?: string;
}

/** Latencies and outcomes of one kind of request. */
export class RequestClass {
  private readonly times: number[] = [];
  /** When each request was sent (s into the run), beside its time. */
  private readonly sentAt: number[] = [];
  private readonly slowest: { atS: number; ms: number }[] = [];
  private readonly statuses: Record<string, number> = {};
  private errors = 0;
  private firstError?: string;
  private readonly pending = new Set<Promise<unknown>>();
  private readonly kinds = new Map<string, number[]>();

  constructor(private readonly ok: (a: Answer) => boolean) {}

  /**
   * Sends `count` requests, evenly over `seconds`, without waiting for one to send the next; `kindOf` names the
   * kind of request `i` is, for a class whose requests differ (its times are then also given per kind).
   */
  async drive(count: number, seconds: number, send: (i: number) => Promise<Answer>, kindOf?: (i: number) => string) {
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      const due = start + (i * seconds * 1000) / count;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const atS = (performance.now() - start) / 1000;
      const kind = kindOf?.(i);
      const p = send(i).then((a) => {
        this.note(a, atS);
        if (kind) {
          const times = this.kinds.get(kind) ?? [];
          times.push(a.ms);
          this.kinds.set(kind, times);
        }
      });
      this.pending.add(p);
      void p.finally(() => this.pending.delete(p));
    }
    await Promise.all(this.pending);
  }

  private note(a: Answer, atS: number) {
    this.times.push(a.ms);
    this.sentAt.push(atS);
    if (this.slowest.length < 5 || a.ms > this.slowest.at(-1)!.ms) {
      this.slowest.push({ atS: round1(atS), ms: round1(a.ms) });
      this.slowest.sort((x, y) => y.ms - x.ms);
      this.slowest.length = Math.min(this.slowest.length, 5);
    }
    this.statuses[a.status] = (this.statuses[a.status] ?? 0) + 1;
    if (!this.ok(a)) {
      this.errors++;
      this.firstError ??= `${a.status}: ${a.body.replace(/\s+/g, ' ').slice(0, 200)}`;
    }
  }

  private byTenth(): number[] {
    const last = this.sentAt.reduce((m, atS) => Math.max(m, atS), 0);
    const tenths: number[][] = Array.from({ length: 10 }, () => []);
    this.sentAt.forEach((atS, i) =>
      tenths[last > 0 ? Math.min(9, Math.floor((atS / last) * 10)) : 0]!.push(this.times[i]!),
    );
    return tenths.map((times) => round1(percentile(times.sort(byNumber), 99)));
  }

  figures(): ClassFigures {
    const sorted = [...this.times].sort((a, b) => a - b);
    return {
      requests: sorted.length,
      errors: this.errors,
      statuses: this.statuses,
      p50Ms: round1(percentile(sorted, 50)),
      p99Ms: round1(percentile(sorted, 99)),
      maxMs: round1(sorted.at(-1) ?? NaN),
      slowest: [...this.slowest].sort((x, y) => x.atS - y.atS),
      p99ByTenth: this.byTenth(),
      ...(this.kinds.size
        ? {
            byKind: Object.fromEntries(
              [...this.kinds].map(([kind, times]) => {
                const sorted = [...times].sort(byNumber);
                const [p50Ms, p99Ms] = [50, 99].map((p) => round1(percentile(sorted, p)));
                return [kind, { requests: sorted.length, p50Ms: p50Ms!, p99Ms: p99Ms! }];
              }),
            ),
          }
        : {}),
      ...(this.firstError ? { firstError: this.firstError } : {}),
    };
  }
}

const byNumber = (a: number, b: number) => a - b;

export function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const round1 = (x: number) => Math.round(x * 10) / 10;

const SYNC = 0;
const STEP2 = 1;

/**
 * A live editor: a real Yjs client over y-protocols, typing a few characters every second in its paragraph. Like
 * the browser's provider, it connects again when its socket closes under it (a process restarting): what it typed
 * meanwhile goes with the new connection's sync.
 */
class Editor {
  readonly doc = new Y.Doc();
  ws!: WebSocket;
  readonly synced: Promise<void>;
  readonly sent: { clock: number; at: number }[] = [];
  peers: Editor[] = [];
  readonly latencies: number[] = [];
  private readonly next = new Map<Editor, number>();
  /** Whether its document has had the server's state once (its paragraph is added to that). */
  private hasSynced = false;
  /** The state of each client's changes that arrived without being applied (client id to clock). */
  private readonly seen = new Map<number, number>();
  private text?: Y.XmlText;
  /** Times its socket closed under it; each time it connected again. */
  drops = 0;
  reconnects = 0;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly headers: Record<string, string>,
    private readonly from: string,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, SYNC);
      syncProtocol.writeUpdate(e, update);
      this.send(encoding.toUint8Array(e));
    });
    this.synced = this.connect();
  }

  /** Opens a socket and syncs; resolves once the server's state is in. */
  private connect(): Promise<void> {
    const ws = new WebSocket(this.url, { headers: this.headers, localAddress: this.from, ca: trustedCa });
    this.ws = ws;
    let gotState!: () => void;
    let lostBeforeState!: (error: Error) => void;
    let hasState = false;
    const state = new Promise<void>((resolve, reject) => {
      gotState = () => {
        hasState = true;
        resolve();
      };
      lostBeforeState = reject;
    });
    ws.on('message', (data: Buffer) => {
      if (data[0] !== SYNC) return;
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset + 1, data.length - 1));
      if (data[1] !== syncProtocol.messageYjsSyncStep1 && this.hasSynced) {
        // Others' changes once the editor has its paragraph: timed on arrival, not applied. Applying them is the
        // browser's work, on its own machine; here it would take the cores the server processes run on.
        decoding.readVarUint(decoder);
        for (const [client, clock] of Y.parseUpdateMeta(decoding.readVarUint8Array(decoder)).to)
          if (clock > (this.seen.get(client) ?? 0)) this.seen.set(client, clock);
        if (data[1] === STEP2) gotState();
        return this.applied();
      }
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, SYNC);
      const kind = syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
      if (encoding.length(reply) > 1) this.send(encoding.toUint8Array(reply));
      if (kind === STEP2) {
        this.hasSynced = true;
        gotState();
      }
      this.applied();
    });
    const opened = new Promise<void>((resolve, reject) => {
      ws.once('open', () => {
        // What it has: its document's state, and what it saw arrive without applying it (asking for those again
        // on a reconnection would have the server send more than a browser's reconnection asks for).
        const state = Y.decodeStateVector(Y.encodeStateVector(this.doc));
        for (const [client, clock] of this.seen) if (clock > (state.get(client) ?? 0)) state.set(client, clock);
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, SYNC);
        encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
        encoding.writeVarUint8Array(e, Y.encodeStateVector(state));
        this.send(encoding.toUint8Array(e));
        resolve();
      });
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    });
    ws.on('error', () => {});
    ws.on('close', () => {
      // A socket that closed before the server's state came is the failed attempt's to retry (below, once), not a
      // drop: retrying from here too would double the attempts at every failure.
      if (!hasState) return lostBeforeState(new Error('closed before the server sent its state'));
      if (this.stopped || ws !== this.ws) return;
      this.drops++;
      const retry = () =>
        setTimeout(() => {
          if (this.stopped) return;
          this.connect().then(
            () => this.reconnects++,
            () => retry(),
          );
        }, 300);
      retry();
    });
    // A socket that opens but never brings the state fails the attempt after 30 s rather than hanging the run.
    const timeout = new Promise<never>((_, reject) => {
      const timer = setTimeout(() => {
        reject(new Error('no state from the server in 30 s'));
        ws.terminate();
      }, 30_000);
      const clear = () => clearTimeout(timer);
      state.then(clear, clear);
    });
    return Promise.race([Promise.all([opened, state]).then(() => {}), timeout]);
  }

  /** Closes for good (the end of the run). */
  stop() {
    this.stopped = true;
    this.ws.terminate();
  }

  private send(message: Uint8Array) {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(message);
  }

  /** Notes, for every peer, when each of its timed edits reached this editor's document. */
  private applied() {
    const now = performance.now();
    for (const peer of this.peers) {
      let i = this.next.get(peer) ?? 0;
      const id = peer.doc.clientID;
      const state = Math.max(this.seen.get(id) ?? 0, Y.getState(this.doc.store, id));
      while (i < peer.sent.length && peer.sent[i]!.clock <= state) this.latencies.push(now - peer.sent[i++]!.at);
      this.next.set(peer, i);
    }
  }

  type() {
    if (!this.text) {
      const paragraph = new Y.XmlElement('paragraph');
      this.text = new Y.XmlText();
      paragraph.insert(0, [this.text]);
      this.doc.getXmlFragment('default').push([paragraph]);
    }
    this.text.insert(this.text.length, 'word ');
    this.sent.push({ clock: Y.getState(this.doc.store, this.doc.clientID), at: performance.now() });
  }
}

export interface EditorFigures {
  editors: number;
  connected: number;
  edits: number;
  /** Edit arrivals timed at peers (each edit counts once per peer that watches it). */
  arrivals: number;
  expectedArrivals: number;
  p50Ms: number;
  p99Ms: number;
  /** Sockets closed under an editor (a process stopping), and the connections made again after them. */
  droppedSockets: number;
  reconnects: number;
  /** How long connecting them all at once took, before the measured load. */
  connectSeconds: number;
}

/**
 * Connects `count` live editors over `documents`, all at once, and resolves once each is synced or failed: with the
 * time that took, and `type(seconds)`, which has each type once a second and gives the figures. The run connects
 * them before its measured load, as a round's last minutes find its editors already at work; the restart measures
 * half of them connecting again at once.
 */
export async function connectEditors(options: {
  base: URL;
  documents: string[];
  count: number;
  origin: string;
  tokens: string[];
  firstAddress: number;
}): Promise<{ connectSeconds: number; type: (seconds: number) => Promise<EditorFigures> }> {
  const connecting = performance.now();
  const ws = `${options.base.protocol === 'https:' ? 'wss' : 'ws'}://${options.base.host}/collab/`;
  const editors = Array.from({ length: options.count }, (_, i) => {
    const doc = options.documents[i % options.documents.length]!;
    return {
      doc,
      editor: new Editor(
        `${ws}${encodeURIComponent(doc)}`,
        { origin: options.origin, cookie: `plenum_session=${options.tokens[i % options.tokens.length]}` },
        addressOf(options.firstAddress + i),
      ),
    };
  });
  const results = await Promise.allSettled(editors.map((e) => e.editor.synced));
  const connected = results.filter((r) => r.status === 'fulfilled').length;
  // Peers: every editor watches the edits of the others on its document.
  for (const { doc, editor } of editors)
    editor.peers = editors.filter((e) => e.doc === doc && e.editor !== editor).map((e) => e.editor);
  const live = editors.filter((_, i) => results[i]!.status === 'fulfilled').map((e) => e.editor);
  const connectSeconds = round1((performance.now() - connecting) / 1000);
  const type = async (seconds: number): Promise<EditorFigures> => {
    // Each editor types once a second, at its own moment of the second, for `seconds` seconds: every edit is due
    // at a set time from the start, so that the typing lasts as long as the rest of the load (a late timer does
    // not push the next ones back).
    const ticks = Math.max(1, Math.round(seconds));
    const start = performance.now();
    await Promise.all(
      live.map(async (editor, i) => {
        for (let t = 0; t < ticks; t++) {
          const wait = start + t * 1000 + (i * 1000) / live.length - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          editor.type();
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 2000)); // the last edits arrive
    const latencies = live.flatMap((e) => e.latencies).sort((a, b) => a - b);
    const edits = live.reduce((s, e) => s + e.sent.length, 0);
    const expectedArrivals = live.reduce(
      (s, e) => s + e.sent.length * e.peers.filter((p) => live.includes(p)).length,
      0,
    );
    const dropped = live.reduce((n, e) => n + e.drops, 0);
    const reconnects = live.reduce((n, e) => n + e.reconnects, 0);
    for (const { editor } of editors) editor.stop();
    return {
      editors: options.count,
      connected,
      edits,
      arrivals: latencies.length,
      expectedArrivals,
      p50Ms: round1(percentile(latencies, 50)),
      p99Ms: round1(percentile(latencies, 99)),
      droppedSockets: dropped,
      reconnects,
      connectSeconds,
    };
  };
  return { connectSeconds, type };
}
