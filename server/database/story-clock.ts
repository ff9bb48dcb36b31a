/**
 * The demo story's clock (ADR 0029, 0038). The story is played through the module functions, most of which stamp
 * the time they run at (`new Date()`, Prisma's `@default(now())`); for its dates to tell one coherent story
 * relative to the first start (the program opened weeks ago, amendments submitted before the vote they went to,
 * the version published after it), the process's clock is set back while each step runs. Only the seed uses it,
 * before the server listens: no request, sweep or timer sees the story's time.
 */
export interface StoryClock {
  /** From now on, `new Date()` and `Date.now()` read `at`, moving on with real time. */
  to(at: Date): void;
  /** The real clock again. */
  back(): void;
}

/** Takes hold of the process's clock for the story; `back()` must be called (in a `finally`). */
export function storyClock(): StoryClock {
  const RealDate = globalThis.Date;
  let offset = 0;
  class StoryDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as ConstructorParameters<DateConstructor>));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
    // A date made before the clock was set is still a Date to code that checks `instanceof Date`.
    static [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof RealDate;
    }
  }
  return {
    to(at) {
      offset = at.getTime() - RealDate.now();
      globalThis.Date = StoryDate as DateConstructor;
    },
    back() {
      offset = 0;
      globalThis.Date = RealDate;
    },
  };
}
