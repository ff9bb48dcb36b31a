import { afterEach, expect } from 'vitest';

declare module 'vitest' {
  interface TaskMeta {
    /** How many `expect` calls this test made (read by tests/setup/count-reporter.ts). */
    assertions?: number;
  }
}

// Recorded on the test's meta, which travels to the reporter: speeding the suite up must not lower it.
afterEach(({ task }) => {
  task.meta.assertions = expect.getState().assertionCalls;
});
