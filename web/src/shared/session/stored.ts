/**
 * The signed-in session, kept in this tab's sessionStorage only: a centre's terminal is shared, so
 * nothing survives closing the tab, and nothing is written to localStorage or a cookie. The role is
 * the API's answer to `me` (graphql/session/sign-in.graphql), kept for routing only: the API decides
 * what each token may do.
 */
import type { Role } from "./roles";

const KEY = "shubbak.session";

export interface StoredSession {
  accessToken: string;
  /** Cognito's refresh token (REFRESH_TOKEN_AUTH through the API's `refreshSession`), if issued. */
  refreshToken: string | null;
  /** When the access token expires, in milliseconds since the epoch (from the API's `expiresIn`). */
  expiresAt: number;
  role: Role;
  name: { ar: string; en: string };
}

export function readSession(): StoredSession | null {
  try {
    const text = sessionStorage.getItem(KEY);
    return text ? (JSON.parse(text) as StoredSession) : null;
  } catch {
    return null; // storage refused or a damaged entry: nobody is signed in
  }
}

export function writeSession(session: StoredSession): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

/** Forget everything this tab kept for the person (the language choice, in localStorage, stays). */
export function forgetSession(): void {
  try {
    sessionStorage.clear();
  } catch {
    // storage refused: there was nothing kept
  }
}

export function expiresAt(expiresInSeconds: number, now: number = Date.now()): number {
  return now + expiresInSeconds * 1000;
}
