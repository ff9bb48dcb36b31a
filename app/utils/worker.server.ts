import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Conversions of untrusted files run off the server's thread (ADR 0017): each in a worker thread of its own,
 * with a heap limit and a deadline, at most two at a time (the others wait their turn). The server keeps
 * answering whatever a file costs; a file over a limit is stopped and told, never the server.
 */

/** A worker stopped for going over its limit of time or of memory. */
export class WorkerLimitError extends Error {
  constructor(public readonly limit: 'time' | 'memory') {
    super(`the worker went over its ${limit} limit`);
    this.name = 'WorkerLimitError';
  }
}

/** What one run may use. */
export interface WorkerLimits {
  /** From the worker's start (loading its code included) to its answer. */
  timeoutMs: number;
  /** The worker's heap (V8's old generation), in MiB. */
  maxHeapMb: number;
}

// The entry is a file of the project, found from where the server runs (as build/ and public/ are): the Remix
// build is one bundle, so a path relative to the calling module would point into build/.
const ENTRY = path.resolve('server/worker.mjs');
const MAX_RUNNING = 2;

// Where the compiled worker modules are, when the server runs compiled (ADR 0031): held on globalThis, as the
// server and the Remix build each have their own copy of this module.
const COMPILED = Symbol.for('plenum.compiledWorkers');
type Holder = { [COMPILED]?: string };

/**
 * Run worker modules from `dir` (build/server), compiled to JavaScript at their source path, rather than from
 * their TypeScript source: the compiled server calls it at start.
 */
export function runCompiledWorkersFrom(dir: string) {
  (globalThis as Holder)[COMPILED] = dir;
}
let running = 0;
const queue: (() => void)[] = [];

/**
 * Runs `run(input)`, exported by the TypeScript module at `modulePath` (from the project's root; its compiled
 * copy when the server runs compiled), in a worker
 * with `limits`; resolves to what it returns. Rejects with WorkerLimitError over a limit, or with the error
 * the module threw.
 */
export async function runInWorker<T>(modulePath: string, input: unknown, limits: WorkerLimits): Promise<T> {
  if (running >= MAX_RUNNING) await new Promise<void>((resume) => queue.push(resume));
  running++;
  try {
    const compiled = (globalThis as Holder)[COMPILED];
    const file = compiled ? path.join(compiled, modulePath.replace(/\.ts$/, '.js')) : path.resolve(modulePath);
    return await start<T>(pathToFileURL(file).href, input, limits);
  } finally {
    running--;
    queue.shift()?.();
  }
}

function start<T>(module: string, input: unknown, limits: WorkerLimits): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(ENTRY, {
      workerData: { module, input },
      // Not the server's own flags (`--import tsx` in development): the entry registers tsx itself, when the
      // module is TypeScript.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 32 },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      outcome();
      void worker.terminate();
    };
    const deadline = setTimeout(() => settle(() => reject(new WorkerLimitError('time'))), limits.timeoutMs);
    worker.once('message', (message: { ok: true; value: T } | { ok: false; error: string }) =>
      settle(() => (message.ok ? resolve(message.value) : reject(new Error(message.error)))),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new WorkerLimitError('memory') : error)),
    );
    worker.once('exit', (code) => settle(() => reject(new Error(`the worker stopped (${code}) without answering`))));
  });
}
