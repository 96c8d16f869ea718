/**
 * Renewing the access token (15 minutes) with the refresh token (12 hours), and revoking the session
 * at sign-out, through the API (graphql/session/sign-in.graphql). Both are sent without the access
 * token: renewing happens when it is about to expire, and a sign-out names its own token.
 */
import type { Client } from "@urql/core";
import { trusted } from "../api/documents";
import { WITHOUT_TOKEN, withToken } from "../api/client";
import { RefreshSessionDocument, SignOutDocument } from "../../generated/graphql";
import { expiresAt, readSession, writeSession, type StoredSession } from "./stored";

/** Renew the access token when it has less than this left. */
export const RENEW_MARGIN_MS = 60_000;
/** A sign-out does not wait longer than this for the API: the tab forgets the tokens either way. */
const REVOKE_WAIT_MS = 3_000;

export function needsRenewal(session: StoredSession, now: number = Date.now()): boolean {
  return session.expiresAt - now <= RENEW_MARGIN_MS;
}

/** One renewal at a time, however many requests find the token about to expire: the renewed session, or
 * null when the API refuses (the refresh token expired or was revoked). */
export function renewer(client: () => Client): () => Promise<StoredSession | null> {
  let pending: Promise<StoredSession | null> | null = null;
  const renew = async (): Promise<StoredSession | null> => {
    const session = readSession();
    if (!session?.refreshToken) return null;
    const result = await client()
      .mutation(trusted(RefreshSessionDocument), { refreshToken: session.refreshToken }, WITHOUT_TOKEN)
      .toPromise();
    const answer = result.data?.refreshSession;
    if (answer?.__typename !== "SignedIn") return null;
    const renewed: StoredSession = {
      ...session,
      accessToken: answer.accessToken,
      refreshToken: answer.refreshToken ?? session.refreshToken,
      expiresAt: expiresAt(answer.expiresIn),
    };
    writeSession(renewed);
    return renewed;
  };
  return () => {
    pending ??= renew().finally(() => {
      pending = null;
    });
    return pending;
  };
}

/** Revoke the session at the API (every refresh token of the account), waiting a few seconds at most. */
export async function revoke(client: Client, session: StoredSession | null): Promise<void> {
  if (!session || needsRenewal(session)) return; // an expired token cannot sign out; the refresh token lapses
  const signOut = client.mutation(trusted(SignOutDocument), {}, withToken(session.accessToken)).toPromise();
  await Promise.race([signOut, new Promise((resolve) => setTimeout(resolve, REVOKE_WAIT_MS))]);
}
