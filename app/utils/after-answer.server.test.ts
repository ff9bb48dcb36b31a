import { describe, expect, it, vi } from 'vitest';
import { deferredWorkDone, runAfter } from './after-answer.server.ts';
import { setLogLevel } from './logger.server.ts';

describe('work after the answer', () => {
  it('starts only once the answer is sent, and shutdown waits for it', async () => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const done: string[] = [];
    runAfter(answered, 'a test task', async () => {
      done.push('task');
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toEqual([]);
    done.push('answer');
    answer();
    await deferredWorkDone();
    expect(done).toEqual(['answer', 'task']);
  });

  it('logs a failure, which reaches nobody else', async () => {
    const lines: string[] = [];
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
    setLogLevel('info');
    try {
      runAfter(Promise.resolve(), 'a reset request', () => Promise.reject(new Error('mail server down')));
      await deferredWorkDone();
    } finally {
      setLogLevel('warn');
      err.mockRestore();
    }
    expect(lines.join('')).toMatch(/"msg":"a reset request failed after the answer".*mail server down/);
  });
});
