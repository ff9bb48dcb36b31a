import { percentOf } from '~/modules/voting/thresholds.ts';
import type { CountingRules, PreferentialMethod } from '~/modules/voting/types.ts';
import { useT } from '~/utils/i18n.tsx';

/** A majority as rounds and questions store it: numerator/denominator of the yes and no votes (1/2: simple). */
export interface MajorityFraction {
  numerator: number;
  denominator: number;
}

/** 1/2 is "more yes than no"; anything else a qualified share. */
export const isSimple = (m: MajorityFraction) => m.numerator * 2 === m.denominator;

/** A question's majority in words, saying which votes it counts ("at least 3/5 of the yes and no votes…"). */
export function useMajorityWords() {
  const t = useT();
  return (m: MajorityFraction) =>
    isSimple(m)
      ? t('count.rule.simple')
      : t('count.rule.qualified', { ...m, percent: percentOf(m.numerator, m.denominator) });
}

/**
 * How ties and equal ranks are counted, in words: the rules a round was counted with (`counting` from its
 * results; absent: counted before ADR 0021), or the current ones for a round not counted yet.
 */
export function CountingRulesText({
  counting,
  method,
  counted,
}: {
  counting: CountingRules | undefined;
  method: PreferentialMethod;
  counted: boolean;
}) {
  const t = useT();
  const legacy = counted && !counting;
  return (
    <span data-testid="counting-rules">
      {t(legacy ? 'count.ties.legacy' : 'count.ties.current')}
      {method === 'SCHULZE' ? null : <> {t(legacy ? 'count.equalRanks.legacy' : 'count.equalRanks.current')}</>}
    </span>
  );
}
