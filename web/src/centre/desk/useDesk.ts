/**
 * Who sits at the desk and for which centre: the signed-in operator's profile (`me`), their centre's
 * licensing file (its status: a suspended centre files nothing) and the monitoring office's notices.
 * Every console page starts here.
 */
import { useCallback, useEffect, useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import {
  CentreNoticesDocument,
  CentreOperatorProfileDocument,
  OwnCentreDocument,
  type CentreNoticesQuery,
  type OwnCentreQuery,
} from "../../generated/graphql";

export type CentreFile = Extract<OwnCentreQuery["centre"], { __typename: "Centre" }>;
export type CentreNotice = CentreNoticesQuery["centreNotices"]["items"][number];

export interface Desk {
  operatorName: { ar: string; en: string | null };
  centre: CentreFile;
  notices: CentreNotice[];
}

export type DeskState =
  | { kind: "loading" }
  | { kind: "signedOut" }
  | { kind: "notOperator" }
  | { kind: "unreachable" }
  | { kind: "ready"; desk: Desk; reload: () => void };

const REFUSED = new Set(["UNAUTHENTICATED", "SESSION_ENDED"]);

export function useDesk(): DeskState {
  const client = useClient();
  const [state, setState] = useState<DeskState>({ kind: "loading" });
  const load = useCallback(async () => {
    const profile = await client.query(trusted(CentreOperatorProfileDocument), {}).toPromise();
    const refused = profile.error?.graphQLErrors.some((error) => REFUSED.has(String(error.extensions?.["code"])));
    if (refused || profile.error?.response?.status === 401) return setState({ kind: "signedOut" });
    const me = profile.data?.me;
    if (!me) return setState({ kind: "unreachable" });
    if (me.__typename !== "StaffProfile" || me.role !== "CENTRE_OPERATOR" || !me.centreId) {
      return setState({ kind: "notOperator" });
    }
    const [centre, notices] = await Promise.all([
      client.query(trusted(OwnCentreDocument), { centreId: me.centreId }).toPromise(),
      client.query(trusted(CentreNoticesDocument), { centreId: me.centreId, first: 10 }).toPromise(),
    ]);
    const file = centre.data?.centre;
    if (file?.__typename !== "Centre") return setState({ kind: "unreachable" });
    setState({
      kind: "ready",
      desk: {
        operatorName: { ar: me.nameAr, en: me.nameEn },
        centre: file,
        notices: notices.data?.centreNotices.items ?? [],
      },
      reload: () => void load(),
    });
  }, [client]);
  useEffect(() => {
    void load();
  }, [load]);
  return state;
}
