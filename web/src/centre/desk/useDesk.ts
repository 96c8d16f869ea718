/**
 * Who sits at the desk and for which centre: the signed-in operator's profile (`me`, the session's
 * document), their centre's licensing file (its status: a suspended centre files nothing) and the
 * monitoring office's notices. Every console page starts here. A refused token never gets here: the
 * session's client ends the session with the sign-in page.
 */
import { useCallback, useEffect, useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import {
  CentreNoticesDocument,
  OwnCentreDocument,
  SessionProfileDocument,
  type CentreNoticesQuery,
  type OwnCentreQuery,
} from "../../generated/graphql";

export type CentreFile = Extract<OwnCentreQuery["centre"], { __typename: "Centre" }>;
export type CentreNotice = CentreNoticesQuery["centreNotices"]["items"][number];

export interface Desk {
  centre: CentreFile;
  notices: CentreNotice[];
}

export type DeskState = { kind: "loading" } | { kind: "unreachable" } | { kind: "ready"; desk: Desk; reload: () => void };

export function useDesk(): DeskState {
  const client = useClient();
  const [state, setState] = useState<DeskState>({ kind: "loading" });
  const load = useCallback(async () => {
    const profile = await client.query(trusted(SessionProfileDocument), {}).toPromise();
    const me = profile.data?.me;
    if (me?.__typename !== "StaffProfile" || !me.centreId) return setState({ kind: "unreachable" });
    const [centre, notices] = await Promise.all([
      client.query(trusted(OwnCentreDocument), { centreId: me.centreId }).toPromise(),
      client.query(trusted(CentreNoticesDocument), { centreId: me.centreId, first: 10 }).toPromise(),
    ]);
    const file = centre.data?.centre;
    if (file?.__typename !== "Centre") return setState({ kind: "unreachable" });
    setState({
      kind: "ready",
      desk: {
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
