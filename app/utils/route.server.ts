import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import type { UNSAFE_DataWithResponseInit as DataWithResponseInit } from '@remix-run/router';
import type { MessageKey } from '~/i18n/index.ts';
import type { Actor } from '~/policies/actor.ts';
import { actorOf } from '~/utils/auth.server.ts';
import { flashCookie } from '~/utils/cookies.server.ts';
import { DomainError } from '~/utils/domain-errors.ts';
import { refusalData, refusalPage } from '~/utils/errors.server.ts';
import type { Refusal } from '~/utils/refusal.ts';
import { readFormData } from '~/utils/forms.server.ts';

/**
 * The contract between routes and modules (ADR 0020): every loader and action of app/routes is made by `routeLoader`
 * or `routeAction` below (an ESLint rule refuses any other). A module refuses by throwing a DomainError; the wrapper
 * answers it as decided once in errors.server.ts, so that no route can forget a case and answer 500. Anything
 * else thrown (a Response, a redirect) passes through; a bug stays a bug: a 500 with an id.
 *
 * Each call is marked `/* @__PURE__ *\/`: the browser's bundle of a route keeps only its component and meta, and
 * esbuild drops an unused call only when told it has no side effect (this module is empty in the browser: left
 * in, the call would throw and the page would never hydrate). tests/adversarial/routes.test.ts checks both.
 */

/** What a loader's handler receives: Remix's arguments and the actor the policies see. */
export type LoaderArgs = LoaderFunctionArgs & { actor: Actor };

/** What an action answers when it is not a Response: its data, bare or in data(). */
type Payload<T> = T extends DataWithResponseInit<infer D> ? D : T extends Response ? never : T;
type KeysOf<T> = T extends object ? keyof T : never;

/**
 * A refused form's answer, typed so that a page reads `actionData?.result` or `actionData?.step` as before:
 * the action's other fields are there, undefined.
 */
export type RefusalAnswer<T> = { refusal: Refusal } & { [K in Exclude<KeysOf<Payload<T>>, 'refusal'>]?: undefined };

/** What an action's handler receives: the loader's, with the form read once and its intent, parsed. */
export type ActionArgs<I extends string> = ActionFunctionArgs & { actor: Actor; form: FormData; intent: I };

/** Where a moderator or admin who must set up two-factor authentication first is sent (ADR 0027). */
export const TWO_FACTOR_SETUP = '/account/two-factor';
/** The pages such a member may still open: the setup, their account and data, the language, logging out. */
const OPEN_BEFORE_SETUP = new Set([
  TWO_FACTOR_SETUP,
  '/account',
  '/account/export.json',
  '/logout',
  '/locale',
  '/privacy',
]);

/** Sends a member who must set up two-factor authentication to its page, from any other page. */
function sendToTwoFactorSetup(args: LoaderFunctionArgs) {
  if (!args.context.member?.twoFactorDue) return;
  const path = new URL(args.request.url).pathname.replace(/\.data$/, '');
  if (!OPEN_BEFORE_SETUP.has(path)) throw redirect(TWO_FACTOR_SETUP);
}

/** A loader: `export const loader = /* @__PURE__ *\/ routeLoader(async ({ actor, params }) => getThing(actor, params.id ?? ''))`. */
export function routeLoader<T>(handler: (args: LoaderArgs) => Promise<T> | T) {
  return async (args: LoaderFunctionArgs): Promise<T> => {
    try {
      sendToTwoFactorSetup(args);
      return await handler({ ...args, actor: actorOf(args.context) });
    } catch (error) {
      if (error instanceof DomainError) throw refusalPage(error, args.request, args.context.locale);
      throw error;
    }
  };
}

/**
 * An action. The form is read once (readFormData: a body that is no form is a 400, NULs are dropped). With
 * `intents`, the form's `intent` must be one of them, or the answer is a 400 naming the ones it knows, never a
 * 500; the handler gets it typed. A refusal of kind not-found or forbidden answers as a page (404, 403, login);
 * any other kind answers `{ refusal }` with its status, which the page shows beside the form (app/utils/refusal.ts).
 */
export function routeAction<T, const I extends string = string>(
  options: {
    /** The intents the form may name; any other is a 400. */
    intents?: readonly I[];
    /** False for an address that takes no form (the read-only API answers 405 to whatever is posted). */
    readsForm?: boolean;
    /**
     * True for a route without a page (a resource route): Remix sends whatever such an action returns as JSON with
     * status 200 unless it is a Response, so its refusals are sent as Responses, with their status.
     */
    resource?: boolean;
  },
  handler: (args: ActionArgs<I>) => Promise<T> | T,
) {
  return async (args: ActionFunctionArgs): Promise<Awaited<T> | DataWithResponseInit<RefusalAnswer<Awaited<T>>>> => {
    let intent = '';
    try {
      const form = options.readsForm === false ? new FormData() : await readFormData(args.request);
      const asked = form.get('intent');
      intent = typeof asked === 'string' ? asked : '';
      if (options.intents && !(options.intents as readonly string[]).includes(intent)) {
        throw new Response(`Bad Request: the intent must be one of ${options.intents.join(', ')}.`, { status: 400 });
      }
      return await handler({
        ...args,
        actor: actorOf(args.context),
        form,
        intent: intent as I,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.kind === 'not-found' || error.kind === 'forbidden') {
        throw refusalPage(error, args.request, args.context.locale);
      }
      const answer = refusalData(error, args.context.locale);
      // The intent tells a page with several forms which one was refused.
      const refusal = { ...answer.data.refusal, ...(intent ? { intent } : {}) };
      if (options.resource) throw Response.json({ refusal }, answer.init ?? undefined);
      return data({ refusal } as RefusalAnswer<Awaited<T>>, answer.init ?? undefined);
    }
  };
}

/** A redirect that shows `flash` (a message key) once on the page it leads to. */
export function redirectWithFlash(to: string, flash: MessageKey, init: { headers?: Headers } = {}) {
  const headers = new Headers(init.headers);
  headers.append('Set-Cookie', flashCookie(flash));
  return redirect(to, { headers });
}
