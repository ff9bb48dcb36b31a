// A worker thread for conversions (app/utils/worker.server.ts). A plain module, loaded by Node as it is. The
// compiled server (ADR 0031) gives it a compiled module; from the sources (development, tests) it is given the
// TypeScript module and loads tsx first (a worker's `--import tsx` does not reach its own entry on Node 20).
// Then it runs `run(input)` of that module and posts what it returns.
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';

// On Linux a nice value belongs to a thread: a conversion leaves the CPU to the server's thread when both want it.
if (process.platform === 'linux') os.setPriority(10);
try {
  if (workerData.module.endsWith('.ts')) (await import('tsx/esm/api')).register();
  const { run } = await import(workerData.module);
  parentPort.postMessage({ ok: true, value: await run(workerData.input) });
} catch (error) {
  parentPort.postMessage({
    ok: false,
    error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  });
}
