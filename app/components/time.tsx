import { useFormatDate } from '~/utils/i18n.tsx';

/** A date in the reader's language. The server and the browser may sit in different time zones: the
 * browser's rendering wins without a hydration warning. */
export function Time({ value, style = 'date' }: { value: Date | string; style?: 'date' | 'datetime' }) {
  const format = useFormatDate();
  const date = new Date(value);
  return (
    <time dateTime={date.toISOString()} suppressHydrationWarning>
      {format(date, style)}
    </time>
  );
}
