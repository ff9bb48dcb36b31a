import { Form, Link } from '@remix-run/react';
import { ErrorList } from '~/components/forms.tsx';
import { REGISTER_FIELDS } from '~/modules/register/register-file.ts';
import type { RegisterPreview, RegisterUploadView } from '~/modules/register/register.server.ts';
import { useT } from '~/utils/i18n.tsx';

/** A register read but not yet imported: how it was read, the columns chosen, the lines refused, and the confirm. */
export function RegisterPreviewView(
  props: RegisterUploadView & { headingRef: React.RefObject<HTMLHeadingElement>; busy: boolean },
) {
  const t = useT();
  const { preview, header, columns, columnsError } = props;
  const refused = preview ? Object.values(preview.errorCounts).reduce((a, b) => a + b, 0) : 0;
  return (
    <>
      <h2 ref={props.headingRef} tabIndex={-1} data-testid="register-preview-title">
        {t('register.previewTitle', { file: props.fileName })}
      </h2>
      {preview ? (
        <p data-testid="register-read">
          {t('register.read', {
            encoding: preview.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252',
            separator: preview.separator === '\t' ? 'Tab' : preview.separator,
            total: preview.total,
            valid: preview.valid,
          })}
        </p>
      ) : null}
      <ColumnChoice
        uploadId={props.uploadId}
        header={header}
        columns={columns}
        error={columnsError}
        busy={props.busy}
      />
      {preview && preview.valid > 0 ? (
        <p data-testid="register-changes">{t('register.changes', { ...preview.changes })}</p>
      ) : null}
      {preview ? <RefusedLines preview={preview} refused={refused} /> : null}
      <Form method="post" className="inline-actions">
        <input type="hidden" name="intent" value="confirm" />
        <input type="hidden" name="uploadId" value={props.uploadId} />
        {REGISTER_FIELDS.map((f) => (
          <input key={f} type="hidden" name={`column.${f}`} value={columns[f] ?? ''} />
        ))}
        {preview && preview.valid > 0 && !columnsError ? (
          <button type="submit" className="button" disabled={props.busy}>
            {t('register.confirm', { n: preview.valid })}
          </button>
        ) : null}
        <Link to="/admin/register" reloadDocument>
          {t('register.cancel')}
        </Link>
      </Form>
    </>
  );
}

/** Which column holds each field: as the header named them, changed by hand and read again. */
function ColumnChoice(props: {
  uploadId: string;
  header: string[];
  columns: RegisterUploadView['columns'];
  error: RegisterUploadView['columnsError'];
  busy: boolean;
}) {
  const t = useT();
  return (
    <section aria-labelledby="register-columns-title">
      <h3 id="register-columns-title">{t('register.columns')}</h3>
      <p className="field-hint" id="register-columns-hint">
        {t('register.columnsHint')}
      </p>
      {/* A new reading shows its own columns: the choice lists are made again. */}
      <Form method="post" className="register-columns" key={JSON.stringify(props.columns)}>
        <input type="hidden" name="intent" value="columns" />
        <input type="hidden" name="uploadId" value={props.uploadId} />
        {REGISTER_FIELDS.map((f) => (
          <div className="field" key={f}>
            <label htmlFor={`column-${f}`}>{t(`register.column.${f}`)}</label>
            <select
              id={`column-${f}`}
              name={`column.${f}`}
              defaultValue={props.columns[f] ?? ''}
              aria-describedby={props.error ? 'register-columns-error' : 'register-columns-hint'}
              aria-invalid={props.error && (f === 'email' || f === 'name') ? true : undefined}
            >
              <option value="">{t('register.column.none')}</option>
              {props.header.map((name, i) => (
                <option key={i} value={i}>
                  {name || t('register.column.nth', { n: i + 1 })}
                </option>
              ))}
            </select>
          </div>
        ))}
        {props.error ? <ErrorList id="register-columns-error" errors={[props.error]} /> : null}
        <button type="submit" className="button button-secondary" disabled={props.busy}>
          {t('register.reread')}
        </button>
      </Form>
    </section>
  );
}

/** The lines refused, counted by kind, the first ones listed. */
function RefusedLines({ preview, refused }: { preview: RegisterPreview; refused: number }) {
  const t = useT();
  return (
    <section aria-labelledby="register-errors" className={refused ? 'notice notice-warning' : undefined}>
      <h3 id="register-errors" data-testid="register-refused">
        {refused ? t('register.errorsTitle', { n: refused }) : t('register.errorsNone')}
      </h3>
      {refused ? (
        <>
          <ul data-testid="register-error-counts">
            {Object.entries(preview.errorCounts)
              .filter(([, n]) => n > 0)
              .map(([kind, n]) => (
                <li key={kind} data-kind={kind}>
                  {t(`register.line.${kind as keyof RegisterPreview['errorCounts']}`)}
                  {t('punctuation.colon')} {n}
                </li>
              ))}
          </ul>
          <p className="field-hint">{t('register.keptNote')}</p>
          {preview.errors.length < refused ? <p>{t('register.errorsListed', { n: preview.errors.length })}</p> : null}
          <div className="table-scroll">
            <table data-testid="register-errors">
              <thead>
                <tr>
                  <th scope="col">{t('register.line')}</th>
                  <th scope="col">{t('register.problem')}</th>
                  <th scope="col">{t('register.value')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.errors.map((e) => (
                  <tr key={`${e.line}-${e.kind}`}>
                    <td>{e.line}</td>
                    <td>{t(`register.line.${e.kind}`)}</td>
                    <td>{e.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
