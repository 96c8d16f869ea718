/**
 * The centre's money as the page shows it: today's statement (the Madinah day), the chosen period's
 * days with their CSV, the ledger's balances, and the agencies' names for the fee accounts; all read
 * again after a remittance or a closing (`reload`). An answer that does not come is said, not guessed.
 */
import { useCallback, useEffect, useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { useLocalized } from "../../shared/i18n/language";
import {
  CentreLedgerDocument,
  CentreMoneyAgenciesDocument,
  CentreStatementsDocument,
  type CentreLedgerQuery,
  type CentreStatementsQuery,
} from "../../generated/graphql";

export type Statements = Extract<CentreStatementsQuery["centreStatements"], { __typename: "CentreStatements" }>;
export type DayFigures = Statements["days"][number];
export type Ledger = Extract<CentreLedgerQuery["centreLedger"], { __typename: "CentreLedger" }>;

export interface Money {
  today: DayFigures;
  period: Statements;
  ledger: Ledger;
}

export type MoneyState = { kind: "loading" } | { kind: "unreachable" } | { kind: "ready"; money: Money };

const FRESH = { requestPolicy: "network-only" } as const;

export function useMoney(today: string, days: { from: string; to: string }): { state: MoneyState; reload: () => Promise<void> } {
  const client = useClient();
  const [state, setState] = useState<MoneyState>({ kind: "loading" });
  const reload = useCallback(async () => {
    const [todays, period, ledger] = await Promise.all([
      client.query(trusted(CentreStatementsDocument), { from: today, to: today }, FRESH).toPromise(),
      client.query(trusted(CentreStatementsDocument), days, FRESH).toPromise(),
      client.query(trusted(CentreLedgerDocument), {}, FRESH).toPromise(),
    ]);
    const todayAnswer = todays.data?.centreStatements;
    const periodAnswer = period.data?.centreStatements;
    const ledgerAnswer = ledger.data?.centreLedger;
    const day = todayAnswer?.__typename === "CentreStatements" ? todayAnswer.days[0] : undefined;
    if (!day || periodAnswer?.__typename !== "CentreStatements" || ledgerAnswer?.__typename !== "CentreLedger") {
      return setState({ kind: "unreachable" });
    }
    setState({ kind: "ready", money: { today: day, period: periodAnswer, ledger: ledgerAnswer } });
  }, [client, today, days.from, days.to]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { state, reload };
}

/** An agency's name by its code (the fee accounts name only the code), the code until names arrive. */
export function useAgencyName(): (code: string) => string {
  const client = useClient();
  const localized = useLocalized();
  const [names, setNames] = useState(new Map<string, { ar: string; en: string }>());
  useEffect(() => {
    void client
      .query(trusted(CentreMoneyAgenciesDocument), {})
      .toPromise()
      .then((result) => setNames(new Map(result.data?.agencies.map((agency) => [agency.code, agency.name]) ?? [])));
  }, [client]);
  return (code) => {
    const name = names.get(code);
    return name ? localized(name) : code;
  };
}
