import type { NextFunction, Request, Response } from 'express';

const MESSAGES = {
  foreignOrigin: {
    fr: 'Requête refusée : elle ne vient pas de ce site.',
    es: 'Solicitud rechazada: no procede de este sitio.',
    en: 'Request refused: it does not come from this site.',
  },
  badUrl: {
    fr: 'Adresse invalide : elle contient un encodage incorrect.',
    es: 'Dirección no válida: contiene una codificación incorrecta.',
    en: 'Invalid address: it contains broken encoding.',
  },
  tooLarge: {
    fr: 'Envoi trop volumineux.',
    es: 'Envío demasiado grande.',
    en: 'Request too large.',
  },
  tooManyFields: {
    fr: 'Formulaire refusé : il contient trop de champs.',
    es: 'Formulario rechazado: contiene demasiados campos.',
    en: 'Form refused: it has too many fields.',
  },
  tooMany: {
    fr: 'Trop de requêtes. Réessayez dans {n} s.',
    es: 'Demasiadas solicitudes. Vuelve a intentarlo en {n} s.',
    en: 'Too many requests. Try again in {n} s.',
  },
} as const;

/** A short plain-text message in the language the browser asks for (before Remix and its catalogs). */
export function plainMessage(req: Request, key: keyof typeof MESSAGES, n?: number): string {
  const lang = (req.acceptsLanguages('fr', 'es', 'en') || 'en') as 'fr' | 'es' | 'en';
  return MESSAGES[key][lang].replace('{n}', String(n ?? ''));
}

/** Refuses addresses whose percent-encoding is broken (Remix would fail decoding them). */
export function rejectMalformedUrls(req: Request, res: Response, next: NextFunction) {
  try {
    // A NUL byte can never be stored in PostgreSQL text: refuse it here rather than fail in a query.
    if (!decodeURIComponent(req.originalUrl).includes('\u0000')) return next();
  } catch {
    // broken percent-encoding
  }
  // The open data API answers in JSON, errors included (docs/api.md).
  if (req.originalUrl.startsWith('/api/')) {
    res.status(400).setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cache-Control', 'public, max-age=60');
    res.json({ error: MESSAGES.badUrl.en });
    return;
  }
  res.status(400).type('text/plain; charset=utf-8').send(plainMessage(req, 'badUrl'));
}

/** At most this much of a refused body is read (and thrown away) before the answer, for at most LINGER_MS. */
const LINGER_BYTES = 32 * 1024 * 1024;
const LINGER_MS = 10_000;

/**
 * Answers a refused request once its body is in, reading and discarding it, as nginx's lingering close does. Sent
 * at once, the answer closed the connection while the client was still writing: the client then met a reset
 * connection (EPIPE) rather than the answer, and a person sending too large a file saw the browser's error page
 * instead of the message. A body past LINGER_BYTES, or still coming after LINGER_MS, is not waited for.
 */
function answerAfterBody(req: Request, res: Response, status: number, message: string) {
  let seen = 0;
  let answered = false;
  const answer = () => {
    if (answered) return;
    answered = true;
    clearTimeout(timer);
    res.status(status).setHeader('Connection', 'close');
    res.type('text/plain; charset=utf-8').send(message);
  };
  const timer = setTimeout(answer, LINGER_MS);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > LINGER_BYTES) answer();
  });
  req.on('end', answer);
  req.on('error', () => clearTimeout(timer));
}

/**
 * Refuses bodies over `maxBytes` (or the limit of a `larger` path) before parsing them: forms here are small.
 * A body without a declared length (chunked) could be of any size, so a state-changing request must declare
 * one (browsers always do).
 */
export function limitBodySize(maxBytes: number, larger: { path: RegExp; maxBytes: number }[] = []) {
  return (req: Request, res: Response, next: NextFunction) => {
    const limit = larger.find((l) => l.path.test(req.path))?.maxBytes ?? maxBytes;
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.get('transfer-encoding')) {
      return answerAfterBody(req, res, 411, plainMessage(req, 'tooLarge'));
    }
    const length = Number(req.get('content-length') ?? 0);
    if (length > limit) return answerAfterBody(req, res, 413, plainMessage(req, 'tooLarge'));
    next();
  };
}
