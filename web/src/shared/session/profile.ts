/** Who a new token belongs to, asked of the API (`me`): the role to route by, and the name to show. */
import type { Client } from "@urql/core";
import { trusted } from "../api/documents";
import { withToken } from "../api/client";
import { SessionProfileDocument } from "../../generated/graphql";
import { isRole } from "./roles";
import { expiresAt, type StoredSession } from "./stored";

export interface Tokens {
  accessToken: string;
  refreshToken: string | null;
  expiresIn: number;
}

/** The session for these tokens, or null when the API knows no record or profile for them. */
export async function sessionFor(client: Client, tokens: Tokens): Promise<StoredSession | null> {
  const answer = await client
    .query(trusted(SessionProfileDocument), {}, withToken(tokens.accessToken))
    .toPromise();
  const me = answer.data?.me;
  const base = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: expiresAt(tokens.expiresIn) };
  if (me?.__typename === "CitizenRecord") {
    return { ...base, role: "CITIZEN", name: { ar: me.nameAr, en: me.nameEn ?? me.nameAr } };
  }
  if (me?.__typename === "StaffProfile" && isRole(me.role)) {
    return { ...base, role: me.role, name: { ar: me.nameAr, en: me.nameEn ?? me.nameAr } };
  }
  return null;
}
