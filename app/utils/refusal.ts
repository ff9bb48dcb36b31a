import type { SubmissionResult } from '@conform-to/react';
import type { MessageKey } from '~/i18n/index.ts';
import type { DomainErrorKind } from '~/utils/domain-errors.ts';

/**
 * A refused form, as an action answers it (app/utils/errors.server.ts): what kind of refusal, its key, the message
 * already in the reader's language, and the field it belongs beside. Shared by server and pages.
 */
export interface Refusal {
  kind: DomainErrorKind;
  key: MessageKey;
  message: string;
  field?: string;
  /** The intent of the refused form, when the page has several. */
  intent?: string;
}

/** The refusal in an action's answer, if it is one. */
export function refusalOf(actionData: unknown): Refusal | null {
  if (!actionData || typeof actionData !== 'object' || !('refusal' in actionData)) return null;
  return (actionData as { refusal: Refusal }).refusal;
}

const results = new WeakMap<Refusal, { shown: string; result: SubmissionResult<string[]> }>();

/**
 * What conform's `lastResult` should be after an action: the action's own `result` (a form that did not parse),
 * or its refusal as an error beside its field (or the form's when it names none, or one the form does not have);
 * with `intent`, only a refusal of that intent (a page with several forms).
 */
export function lastResultOf(
  actionData: unknown,
  options: { key?: string; fields?: readonly string[]; intent?: string } = {},
): SubmissionResult<string[]> | undefined {
  if (!actionData || typeof actionData !== 'object') return undefined;
  const key = options.key ?? 'result';
  if (key in actionData) return (actionData as Record<string, SubmissionResult<string[]>>)[key] ?? undefined;
  const refusal = refusalOf(actionData);
  if (!refusal || (options.intent !== undefined && refusal.intent !== options.intent)) return undefined;
  const field = refusal.field && (!options.fields || options.fields.includes(refusal.field)) ? refusal.field : '';
  // One result per answer: conform reports a lastResult each time it changes identity, and each report renders.
  const shown = `${field}\n${refusal.message}`;
  const known = results.get(refusal);
  if (known?.shown === shown) return known.result;
  // Conform shows an error only on a field it counts as validated: the refused field, and the form itself.
  const result: SubmissionResult<string[]> = {
    status: 'error',
    error: { [field]: [refusal.message] },
    state: { validated: { [field]: true, '': true } },
  };
  results.set(refusal, { shown, result });
  return result;
}
