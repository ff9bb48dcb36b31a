import fs from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import type {} from './count-assertions.ts';
import { TMP_DIR } from './paths.ts';

/**
 * Prints, at the end of a run, how many tests ran and how many assertions they made, per project (with the sum
 * of its files' durations) and in all,
 * and keeps the same figures in tests/.tmp/counts.json: the suite may get faster, never thinner.
 */
export default class CountReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const perProject = new Map<string, { tests: number; assertions: number; seconds: number }>();
    for (const module of testModules) {
      const name = module.project.name || 'default';
      const counts = perProject.get(name) ?? { tests: 0, assertions: 0, seconds: 0 };
      counts.seconds += module.diagnostic().duration / 1000;
      for (const test of module.children.allTests()) {
        if (test.result().state === 'skipped') continue;
        counts.tests += 1;
        counts.assertions += test.meta().assertions ?? 0;
      }
      perProject.set(name, counts);
    }
    const total = { tests: 0, assertions: 0 };
    const lines = [...perProject]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, c]) => {
        total.tests += c.tests;
        total.assertions += c.assertions;
        return `  ${name}: tests ${c.tests}, assertions ${c.assertions} (files' time ${Math.round(c.seconds)} s)`;
      });
    console.log(`\nCounts\n${lines.join('\n')}\n  all: tests ${total.tests}, assertions ${total.assertions}\n`);
    fs.mkdirSync(TMP_DIR, { recursive: true });
    const json = { ...Object.fromEntries(perProject), all: total };
    fs.writeFileSync(path.join(TMP_DIR, 'counts.json'), JSON.stringify(json, null, 2));
  }
}
