/**
 * The centre's settlement discrepancies for the days the page shows (by the slips' day), a page of 50 at
 * a time: `more` reads the next page after the last. An answer that does not come is said, not guessed.
 */
import { useCallback, useEffect, useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { CentreSettlementDiscrepanciesDocument, type CentreSettlementDiscrepanciesQuery } from "../../generated/graphql";

export type Discrepancy = CentreSettlementDiscrepanciesQuery["settlementDiscrepancies"]["items"][number];

export type DiscrepanciesState =
  | { kind: "loading" }
  | { kind: "unreachable" }
  | { kind: "ready"; items: Discrepancy[]; nextCursor: string | null; loadingMore: boolean };

export function useDiscrepancies(days: { from: string; to: string }): { state: DiscrepanciesState; more: () => Promise<void> } {
  const client = useClient();
  const [state, setState] = useState<DiscrepanciesState>({ kind: "loading" });
  const read = useCallback(
    (after: string | null) =>
      client
        .query(trusted(CentreSettlementDiscrepanciesDocument), { ...days, after }, { requestPolicy: "network-only" })
        .toPromise()
        .then((result) => result.data?.settlementDiscrepancies),
    [client, days.from, days.to],
  );
  useEffect(() => {
    void read(null).then((page) =>
      setState(page ? { kind: "ready", items: page.items, nextCursor: page.nextCursor ?? null, loadingMore: false } : { kind: "unreachable" }),
    );
  }, [read]);
  const more = async () => {
    if (state.kind !== "ready" || !state.nextCursor || state.loadingMore) return;
    setState({ ...state, loadingMore: true });
    const page = await read(state.nextCursor);
    if (!page) return setState({ kind: "unreachable" });
    setState({ kind: "ready", items: [...state.items, ...page.items], nextCursor: page.nextCursor ?? null, loadingMore: false });
  };
  return { state, more };
}
