/**
 * The session of the person using this tab, and the API client that carries its token.
 *
 * * Signing in stores the tokens and the role (stored.ts); every page load reads them back.
 * * The access token is renewed when a request finds it within a minute of expiring, through the
 *   API's `refreshSession` (Cognito REFRESH_TOKEN_AUTH); a renewal refused ends the session.
 * * Signing out, the idle time-out and a refused token all end the same way: the session is revoked at
 *   the API (not for a refused token: nothing left to revoke), this tab's storage is cleared, and the
 *   sign-in page is loaded afresh, which drops the client, its cache and any open socket with the page.
 */
import { createContext, type ComponentChildren } from "preact";
import { useContext, useEffect, useMemo, useState } from "preact/hooks";
import { Provider } from "@urql/preact";
import type { Client } from "@urql/core";
import { createApiClient, type Session } from "../api/client";
import { watchIdle } from "./idle";
import { needsRenewal, renewer, revoke } from "./renewal";
import { signInAddress, type SignOutReason } from "./roles";
import { forgetSession, readSession, writeSession, type StoredSession } from "./stored";

export interface SessionState {
  /** Who is signed in on this tab, if anyone (the role is for routing only). */
  current: StoredSession | null;
  /** After a successful sign-in: keep the session (the caller then opens the role's page). */
  begin: (session: StoredSession) => void;
  /** End the session and show the sign-in page, saying why. */
  end: (reason: SignOutReason) => void;
  /** The idle warning is showing. */
  idleWarning: boolean;
  /** "Stay signed in": the person is here. */
  stay: () => void;
}

const SessionContext = createContext<SessionState>({
  current: null,
  begin: () => undefined,
  end: () => undefined,
  idleWarning: false,
  stay: () => undefined,
});

export function useSession(): SessionState {
  return useContext(SessionContext);
}

interface Ending {
  /** End the session (once, however many refusals arrive together: no loop, no double navigation). */
  end: (reason: SignOutReason) => void;
  /** The session is ending: the page is on its way to the sign-in page. */
  ended: () => boolean;
}

/**
 * A sign-out and the idle time-out revoke the session at the API first; a refused token has nothing left
 * to revoke. The tab then forgets the session and loads the sign-in page afresh.
 */
function ending(client: () => Client): Ending {
  let ended = false;
  return {
    ended: () => ended,
    end: (reason) => {
      if (ended) return;
      ended = true;
      const here = window.location.pathname + window.location.search;
      const revoked = reason === "expired" ? Promise.resolve() : revoke(client(), readSession());
      void revoked.finally(() => {
        forgetSession();
        window.location.replace(signInAddress(reason, reason === "signed-out" ? undefined : here));
      });
    },
  };
}

/** The page is leaving for the sign-in page: operations that wanted the token wait for nothing, and are
 * never sent (not with a refused token, nor without one). */
const LEAVING = new Promise<never>(() => undefined);

function tokenSource({ end, ended }: Ending, renew: () => Promise<StoredSession | null>): Session {
  return {
    accessToken: async () => {
      if (ended()) return LEAVING;
      const session = readSession();
      if (!session) return undefined;
      if (!needsRenewal(session)) return session.accessToken;
      const renewed = await renew();
      if (renewed) return renewed.accessToken;
      end("expired");
      return LEAVING;
    },
    onSignedOut: () => end("expired"),
  };
}

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [client, end] = useMemo(() => {
    let made: Client | undefined;
    const lazily = () => made!;
    const session = ending(lazily);
    made = createApiClient(tokenSource(session, renewer(lazily)));
    return [made, session.end] as const;
  }, []);
  const [current, setCurrent] = useState<StoredSession | null>(readSession);
  const [idleWarning, setIdleWarning] = useState(false);
  const [watch, setWatch] = useState<ReturnType<typeof watchIdle> | null>(null);

  useEffect(() => {
    if (!current) return undefined;
    const watching = watchIdle({
      onWarning: () => setIdleWarning(true),
      onIdle: () => end("idle"),
      onActivity: () => setIdleWarning(false),
    });
    setWatch(watching);
    return () => watching.stop();
  }, [current, end]);

  const value = useMemo<SessionState>(
    () => ({
      current,
      begin: (session) => {
        writeSession(session);
        setCurrent(session);
      },
      end,
      idleWarning,
      stay: () => watch?.restart(),
    }),
    [current, end, idleWarning, watch],
  );
  return (
    <SessionContext.Provider value={value}>
      <Provider value={client}>{children}</Provider>
    </SessionContext.Provider>
  );
}
