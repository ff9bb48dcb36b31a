import { getInputProps, type FieldMetadata } from '@conform-to/react';
import { useEffect, useRef, useState } from 'react';
import { ErrorList } from '~/components/forms.tsx';

/** "YYYY-MM-DDTHH:MM" on the reader's wall clock, for a datetime-local input. */
export function localInput(date: Date) {
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * A date and time on the reader's clock, sent with the browser's offset from UTC for that very moment (so a
 * daylight-saving change between now and then is counted right). Without JavaScript the offset is 0: UTC,
 * which the hint says. A time typed before the page came alive (a slow connection) is kept: the input is
 * re-made once the script runs, and it would otherwise come back with the stored time.
 */
export function LocalDateTime({
  field,
  label,
  initial,
  hint,
}: {
  field: FieldMetadata<string>;
  label: string;
  initial?: Date | string | null;
  hint: string;
}) {
  const [value, setValue] = useState<string | undefined>(undefined);
  const [offset, setOffset] = useState('0');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const start = field.initialValue ?? (initial ? localInput(new Date(initial)) : '');
    const typed = input.current && input.current.value !== input.current.defaultValue ? input.current.value : '';
    // Only the server's input can hold what was typed before the script ran; later, the stored time wins.
    setValue((shown) => (shown === undefined && typed ? typed : start));
  }, [field.initialValue, initial]);
  useEffect(() => {
    const date = value ? new Date(value) : new Date();
    setOffset(String(Number.isNaN(date.getTime()) ? new Date().getTimezoneOffset() : date.getTimezoneOffset()));
  }, [value]);
  const props = getInputProps(field, { type: 'datetime-local', ariaDescribedBy: `${field.id}-hint` });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <p id={`${field.id}-hint`} className="field-hint">
        {hint}
      </p>
      <input
        {...props}
        ref={input}
        key={`${props.key ?? ''}-${value === undefined ? 'ssr' : 'client'}`}
        defaultValue={value ?? field.initialValue}
        onChange={(event) => setValue(event.target.value)}
      />
      <input type="hidden" name={`${field.name}Offset`} value={offset} />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}
