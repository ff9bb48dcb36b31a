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

/**
 * Refuses bodies over `maxBytes` (or the limit of a `larger` path) before reading them: forms here are small.
 * A body without a declared length (chunked) could be of any size, so a state-changing request must declare
 * one (browsers always do).
 */
export function limitBodySize(maxBytes: number, larger: { path: RegExp; maxBytes: number }[] = []) {
  return (req: Request, res: Response, next: NextFunction) => {
    const limit = larger.find((l) => l.path.test(req.path))?.maxBytes ?? maxBytes;
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.get('transfer-encoding')) {
      res.status(411).setHeader('Connection', 'close');
      res.type('text/plain; charset=utf-8').send(plainMessage(req, 'tooLarge'));
      return;
    }
    const length = Number(req.get('content-length') ?? 0);
    if (length > limit) {
      res.status(413).setHeader('Connection', 'close');
      res.type('text/plain; charset=utf-8').send(plainMessage(req, 'tooLarge'));
      return;
    }
    next();
  };
}
