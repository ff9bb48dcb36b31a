import { useLocale, useT } from '~/utils/i18n.tsx';

const WIDTH = 600;
const HEIGHT = 200;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };

/**
 * Turnout over time as an SVG drawn with the page (no chart library, nothing fetched): the cumulated number of
 * voters at the end of each hour, from the opening to the close, against the census. The figures are also in a
 * list for screen readers. Hours come from aggregated counts (ADR 0028): nobody's time of voting is shown or kept.
 */
export function TurnoutChart({
  series,
  census,
  opensAt,
  closesAt,
  until,
}: {
  series: { hour: string | Date; voters: number }[];
  census: number;
  opensAt: string | Date;
  closesAt: string | Date;
  /** Where the line stops: the close for a closed round, the moment the page was drawn for an open one. */
  until: string | Date;
}) {
  const t = useT();
  const locale = useLocale();
  // In UTC, said so: the server draws the chart, and the reader's clock would differ from its own.
  const utc = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const formatDate = (date: Date) => `${utc.format(date)} UTC`;
  const start = new Date(opensAt).getTime();
  const end = Math.max(new Date(closesAt).getTime(), start + 1);
  const top = Math.max(census, 1);
  const x = (time: number) =>
    PAD.left + ((Math.min(Math.max(time, start), end) - start) / (end - start)) * (WIDTH - PAD.left - PAD.right);
  const y = (voters: number) => HEIGHT - PAD.bottom - (voters / top) * (HEIGHT - PAD.top - PAD.bottom);
  // A step line: flat until an hour ends, then up to the total at that hour's end.
  const points = [[x(start), y(0)]];
  let last = 0;
  for (const point of series) {
    const hourEnd = new Date(point.hour).getTime() + 3_600_000;
    points.push([x(hourEnd - 3_600_000), y(last)], [x(hourEnd), y(point.voters)]);
    last = point.voters;
  }
  // Then flat until the close (or now): ballots all cast in the first hour still draw a line across the round.
  const stop = Math.min(new Date(until).getTime(), end);
  if (x(stop) > points.at(-1)![0]!) points.push([x(stop), y(last)]);
  const voters = series.at(-1)?.voters ?? 0;
  const [lastX, lastY] = points.at(-1)!;
  return (
    <figure className="turnout-chart" data-testid="turnout-chart">
      <figcaption>{t('rounds.turnoutChart')}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="turnout-chart-desc"
        width="100%"
        preserveAspectRatio="xMidYMid meet"
      >
        <desc id="turnout-chart-desc">{t('rounds.turnoutChartDesc', { voters, census })}</desc>
        <line x1={PAD.left} y1={y(0)} x2={WIDTH - PAD.right} y2={y(0)} stroke="currentColor" strokeOpacity="0.4" />
        <line x1={PAD.left} y1={y(top)} x2={WIDTH - PAD.right} y2={y(top)} stroke="currentColor" strokeOpacity="0.2" />
        <text x={PAD.left - 6} y={y(top) + 4} textAnchor="end" fontSize="12" fill="currentColor">
          {census}
        </text>
        <text x={PAD.left - 6} y={y(0) + 4} textAnchor="end" fontSize="12" fill="currentColor">
          0
        </text>
        <text x={PAD.left} y={HEIGHT - 8} fontSize="12" fill="currentColor">
          {formatDate(new Date(start))}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end" fontSize="12" fill="currentColor">
          {formatDate(new Date(end))}
        </text>
        <polyline
          points={points.map(([px, py]) => `${px!.toFixed(1)},${py!.toFixed(1)}`).join(' ')}
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        />
        <text x={Math.min(lastX! + 4, WIDTH - PAD.right - 20)} y={lastY! - 6} fontSize="13" fill="currentColor">
          {voters}
        </text>
      </svg>
      <p className="field-hint" data-testid="turnout-chart-desc">
        {t('rounds.turnoutChartDesc', { voters, census })}
      </p>
      <ul className="visually-hidden">
        {series.map((point) => (
          <li key={String(point.hour)}>
            {t('rounds.turnoutChartHour', { time: formatDate(new Date(point.hour)), n: point.voters })}
          </li>
        ))}
      </ul>
    </figure>
  );
}
