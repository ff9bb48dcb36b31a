import { createContext, useContext } from 'react';

const NonceContext = createContext<string>('');

/** Provides the request's CSP nonce to the scripts Remix renders (set in entry.server). */
export const NonceProvider = NonceContext.Provider;

/** The CSP nonce of this request (empty in the browser, where it is no longer needed). */
export function useNonce(): string {
  return useContext(NonceContext);
}
