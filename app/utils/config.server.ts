/** Settings the modules need at run time, set once by the server, the CLI or a test fixture. */
export interface AppConfig {
  /** scheme://host[:port] used in mailed links and accepted as Origin. */
  publicOrigin: string;
  /** Where mail goes when no SMTP server is configured. */
  outboxDir: string;
  smtpUrl?: string;
  mailFrom: string;
  /** Cookies get the Secure attribute (production over HTTPS). */
  secureCookies: boolean;
  /**
   * Where the keys of open voting rounds live, outside the database (docs/decisions/0014): every instance must
   * see the same folder.
   */
  keysDir: string;
  /** How often open pages of rounds and of amendments collecting supports refresh their figures (ms; 15 s if unset). */
  pageRefreshMs?: number;
}

const KEY = Symbol.for('plenum.config');
type Holder = { [KEY]?: AppConfig };

/** Installs the run-time settings (see AppConfig). */
export function setAppConfig(config: AppConfig) {
  (globalThis as Holder)[KEY] = config;
}

/** The run-time settings installed at start-up. */
export function appConfig(): AppConfig {
  const config = (globalThis as Holder)[KEY];
  if (!config) throw new Error('Plenum is not configured: call setAppConfig() at start-up.');
  return config;
}
