import type { SubmissionResult } from '@conform-to/react';
import { useActionData } from '@remix-run/react';
import type { AccountIntent } from '~/modules/members/members.schema.ts';
import type { action } from '~/routes/account.tsx';
import { lastResultOf, refusalOf } from '~/utils/refusal.ts';

/** The last answer to one of the account page's forms (its errors, or its refusal), for that form only. */
export function useAccountResult() {
  const actionData = useActionData<typeof action>();
  const refusal = refusalOf(actionData);
  return {
    actionData,
    resultFor: (intent: AccountIntent): SubmissionResult<string[]> | undefined =>
      actionData?.intent === intent || refusal?.intent === intent ? lastResultOf(actionData) : undefined,
  };
}
