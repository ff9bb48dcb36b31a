import { afterAll } from 'vitest';
import { closeOpenContexts } from './browser.ts';

// Run before every journey file (vitest.config.ts): the people a file left in the shared Chromium leave with it,
// so that no page of a stopped server keeps reconnecting during the next file.
afterAll(closeOpenContexts);
