import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBoard } from '~/modules/voting/verify-board.ts';
import { CURRENT_COUNTING } from '~/modules/voting/types.ts';
import { prepareTwoQuestionRound } from '../adversarial/support/two-question-round.ts';
import { launchBrowser } from './support/browser.ts';
import { DEMO, utcMinute, type Who } from './support/scenarios.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInAsDemo } from './support/session.ts';

let server: TestServer;
let round: Awaited<ReturnType<typeof prepareTwoQuestionRound>>;

// A round of two questions (ADR 0021): Camille's amendment under its own 3/5 majority, and two competing
// amendments ranked by Schulze against the current text. Prepared over HTTP; the reading is in the browser.
beforeAll(async () => {
  server = await startServer();
  round = await prepareTwoQuestionRound(server, { majority: '3/5' });
});
afterAll(async () => {
  await server?.stop();
});

/** Casts a ballot over HTTP: a yes/no answer, and a rank (1, 2, 3; 0 unranked) per alternative id. */
async function cast(who: Who, answer: 'Y' | 'N' | 'A', ranks: Record<string, number>) {
  const html = await (
    await fetch(`${server.url}${round.ballotPath}`, { headers: { cookie: round.cookies.get(who)! } })
  ).text();
  const yesNo = /name="q\.([a-z2-7]{16})"/.exec(html)![1]!;
  const preferential = /name="rank\.([a-z2-7]{16})\.keep"/.exec(html)![1]!;
  const fields: Record<string, string> = { [`q.${yesNo}`]: answer };
  for (const [id, rank] of Object.entries(ranks)) fields[`rank.${preferential}.${id}`] = String(rank);
  await round.post(round.ballotPath, who, fields, 200);
}

describe('counting as voters are told', () => {
  it('the ballot, the round page, the results, the board and the API say the same rules', async () => {
    const [a1, a2] = round.competing as [string, string];
    const roundUrl = `${server.url}/p/${DEMO}/rounds/${round.roundId}`;
    const browser = await launchBrowser({ locale: 'en-GB' });
    try {
      const page = await browser.newPage();
      await logInAsDemo(page, server, 'yanis');

      // The ballot says the question's own majority, and how ties and unranked options count, in plain words.
      await page.goto(`${server.url}${round.ballotPath}`);
      await page
        .getByTestId('question-1')
        .getByTestId('question-majority')
        .getByText(
          'Adopted if: at least 3/5 of the yes and no votes (60 %), and more yes than no; abstentions are not counted.',
        )
        .waitFor();
      const rules = page.getByTestId('question-2').getByTestId('ranking-rules');
      await rules
        .getByText(/Options you leave unranked are ranked equal last, below every option you ranked/)
        .waitFor();
      await rules.getByText(/Two options you rank equal, or leave both unranked, count as no preference/).waitFor();
      await rules.getByText(/A tie keeps the current text when it is among the tied options/).waitFor();

      // The round page shows the question's majority, not only the round's (simple).
      await page.goto(roundUrl);
      await page
        .getByTestId('question-majority')
        .getByText('Adopted if: at least 3/5 of the yes and no votes (60 %)', { exact: false })
        .waitFor();
      // On its own line, under the amendment's title: it once ran on after the link's last word.
      const question = page.getByRole('region', { name: 'Questions' }).getByRole('listitem').first();
      const titleBox = (await question.getByRole('link').first().boundingBox())!;
      const ruleBox = (await question.getByTestId('question-majority').boundingBox())!;
      expect(ruleBox.y).toBeGreaterThanOrEqual(titleBox.y + titleBox.height - 1);

      // Yes 2, no 1, one abstention: 2 of 3 yes and no votes (66.7 %) reach 3/5, though yes is half the ballots.
      // The ranking is the tie: keep > a1 > a2 and a1 > a2 > keep; the others rank nothing.
      await cast('camille', 'Y', { keep: 1, [a1]: 2, [a2]: 3 });
      await cast('yanis', 'Y', { keep: 3, [a1]: 1, [a2]: 2 });
      await cast('lucia', 'N', {});
      await cast('moderation', 'A', {});
      await round.post(`/p/${DEMO}/rounds/${round.roundId}`, 'moderation', {
        closesAt: utcMinute(0),
        closesAtOffset: '0',
        reason: 'Fin du vote',
      });

      await page.goto(roundUrl);
      await page.getByTestId('round-status').getByText('Closed').waitFor();
      const results = page.getByTestId('results');
      const yesNo = results.locator('[data-testid^="result-"]').nth(0);
      const bars = await yesNo.locator('.bar-row').allTextContents();
      expect(bars.map((b) => b.replace(/\s+/g, ' '))).toEqual(['Yes2 (66.7 %)', 'No1 (33.3 %)', 'Abstain1']);
      await yesNo
        .getByTestId('majority-share')
        .getByText(
          '3/5 of the yes and no votes needed (60 %): yes has 2 of 3 = 66.7 %. 1 abstention, not counted in the percentages.',
        )
        .waitFor();
      await yesNo.getByTestId('outcome').getByText('Adopted').waitFor();
      // Keep and a1 are both Schulze winners: the tie keeps the current text (the old count adopted a1).
      const ranked = results.locator('[data-testid^="result-"]').nth(1);
      await ranked.getByTestId('outcome').getByText('The current text stays.').waitFor();
      await ranked
        .getByTestId('counting-rules')
        .getByText(/A tie keeps the current text/)
        .waitFor();
      await page.getByTestId('turnout').first().getByText('4 of 5 members have voted (80 %)').waitFor();

      // The board states its rules and recounts to the published results.
      const board = (await (await fetch(`${roundUrl}/board.json`)).json()) as { round: { counting: unknown } };
      expect(board.round.counting).toEqual(CURRENT_COUNTING);
      expect(verifyBoard(board).problems).toEqual([]);
      // The API gives each question its own majority, in words.
      const api = (await (await fetch(`${server.url}/api/v1/rounds/${round.roundId}/results`)).json()) as {
        questions: { kind: string; majority: { numerator: number; denominator: number; rule: string } | null }[];
      };
      expect(api.questions.find((q) => q.kind === 'YES_NO')!.majority).toMatchObject({
        numerator: 3,
        denominator: 5,
        rule: 'At least 3/5 of the yes and no votes, and more yes than no; abstentions are not counted.',
      });
    } finally {
      await browser.cleanup();
    }
  });
});
