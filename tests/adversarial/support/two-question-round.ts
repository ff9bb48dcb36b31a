import type { TestServer } from '../../e2e/support/server.ts';
import { DEMO, draftAmendment, prepareAdmissibleAmendment, roundForm } from '../../e2e/support/scenarios.ts';

/**
 * An open round on the demo program with both kinds of question, prepared over HTTP and the sync socket: a yes/no
 * question on Camille's amendment to the first section, and a preferential question on two amendments to the
 * second section that collide (each appends a paragraph at the same place), with "keep the current text". Nobody
 * has voted yet.
 */
export async function prepareTwoQuestionRound(
  server: TestServer,
  options: {
    /** The yes/no question's own majority ("3/5", "2/3"); the round's (1/2) by default. */ majority?: string;
  } = {},
) {
  const prepared = await prepareAdmissibleAmendment(server);
  const { post } = prepared;
  const competing: string[] = [];
  for (const [who, supporter, title, text] of [
    ['lucia', 'camille', 'Un RIC national', 'Le référendum national peut être demandé par 1 % des inscrits.'],
    ['yanis', 'lucia', 'Un RIC révocatoire', 'Tout élu peut être révoqué par référendum à mi-mandat.'],
  ] as const) {
    const id = await draftAmendment(server, prepared, who, prepared.sections[1]!, {
      title,
      justification: 'Pour que le peuple décide.',
      text,
    });
    const path = `/p/${DEMO}/amendments/${id}`;
    await post(path, who, { intent: 'submit' });
    await post(path, supporter, { intent: 'support' });
    await post(path, 'moderation', { intent: 'admissible', reason: 'Conforme aux statuts' });
    competing.push(id);
  }
  const form = new URLSearchParams(roundForm('Deux questions', 'Un amendement seul, deux amendements concurrents.'));
  // One amendment of a collision group brings the whole group, asked as one preferential question.
  form.append('amendmentIds', prepared.amendmentId);
  form.append('amendmentIds', competing[0]!);
  if (options.majority) form.append(`majorityOf.${prepared.amendmentId}`, options.majority);
  const res = await fetch(`${server.url}/p/${DEMO}/rounds/new`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: server.url,
      cookie: prepared.cookies.get('moderation')!,
    },
    body: form.toString(),
  });
  await res.arrayBuffer();
  if (res.status !== 302) throw new Error(`the round was not created: ${res.status}`);
  const location = res.headers.get('location')!;
  const roundId = location.split('/').pop()!;
  return { ...prepared, competing, roundId, ballotPath: `/p/${DEMO}/rounds/${roundId}/ballot` };
}
