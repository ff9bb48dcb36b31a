// A worker thread for conversions (app/utils/worker.server.ts). A plain module, loaded by Node as it is: it
// loads TypeScript through tsx, as the server does (a worker's `--import tsx` does not reach its own entry on
// Node 20), then runs `run(input)` of the module it is given and posts what it returns.
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

// On Linux a nice value belongs to a thread: a conversion leaves the CPU to the server's thread when both want it.
if (process.platform === 'linux') os.setPriority(10);
register();
try {
  const { run } = await import(workerData.module);
  parentPort.postMessage({ ok: true, value: await run(workerData.input) });
} catch (error) {
  parentPort.postMessage({
    ok: false,
    error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  });
}
