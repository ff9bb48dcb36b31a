import type { AmendmentStatus } from '~/generated/prisma/enums.ts';

/** Every status an amendment list may be filtered by, in the order of an amendment's life. */
export const AMENDMENT_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'QUALIFIED',
  'EXPIRED',
  'ADMISSIBLE',
  'INADMISSIBLE',
  'MERGED',
  'IN_VOTE',
  'ADOPTED',
  'REJECTED',
  'APPLIED',
  'WITHDRAWN',
] as const satisfies readonly AmendmentStatus[];

/** The amendment list's filters (the list and the search read the same ones). */
export interface AmendmentFilters {
  chapterId?: string;
  status?: AmendmentStatus;
  mine: boolean;
  colliding: boolean;
}

/** The amendment list's filters as an address gives them. */
export function filtersOf(params: URLSearchParams): AmendmentFilters {
  const status = params.get('status');
  return {
    chapterId: params.get('chapter') || undefined,
    status: (AMENDMENT_STATUSES as readonly string[]).includes(status ?? '') ? (status as AmendmentStatus) : undefined,
    mine: params.get('mine') === '1',
    colliding: params.get('colliding') === '1',
  };
}
