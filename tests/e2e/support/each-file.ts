import { afterAll, afterEach } from 'vitest';
import { closeOpenContexts } from './browser.ts';
import { runningServers } from './server.ts';

// Run before every journey file (vitest.config.ts): the people a file left in the shared Chromium leave with it,
// so that no page of a stopped server keeps reconnecting during the next file.
afterAll(closeOpenContexts);

/**
 * When a journey fails, what its servers said: their warnings and errors, and the last requests they answered
 * (method, path, status, time), so that a failure seen once on a busy CI machine says where it stopped.
 */
afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  // What a server printed reaches this process through a pipe, a moment after.
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (const server of runningServers) {
    const lines = server.output().split('\n');
    const worrying = lines.filter((line) => /"level":"(warn|error|fatal)"/.test(line)).slice(-30);
    const requests = lines.filter((line) => line.includes('"msg":"request"')).slice(-40);
    console.error(
      `What the server at ${server.url} logged (${task.name}):\n` +
        `warnings and errors (last ${worrying.length}):\n${worrying.join('\n')}\n` +
        `requests (last ${requests.length}):\n${requests.join('\n')}`,
    );
  }
});
