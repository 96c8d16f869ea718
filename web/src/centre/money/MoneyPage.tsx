/**
 * /centre/money (`?period=YYYY-MM`) — the centre's money for the operator (docs/money.md): today's
 * statement, the days of a period with their totals and CSV, the discrepancies the acquirer's settlement
 * showed in the period's card slips, the ledger's balances with the cash in the drawer, recording a
 * remittance to the treasury and closing a past day; all read again after either.
 */
import { Notice } from "../../shared/components/Notice";
import { madinahToday } from "../../shared/format/intl";
import { useConsoleLanguage } from "../../shared/i18n/centre";
import { ConsoleFrame } from "../ConsoleFrame";
import { CloseDayForm } from "./CloseDayForm";
import { AccountBalances, CashInDrawer } from "./LedgerBalances";
import { LAST_30, periodDays, recentMonths } from "./period";
import { RemittanceForm } from "./RemittanceForm";
import { SettlementDiscrepancies } from "./SettlementDiscrepancies";
import { StatementTable } from "./StatementTable";
import { TodayStatement } from "./TodayStatement";
import { useAgencyName, useMoney } from "./useMoney";
import "./money.css";

export default function MoneyPage() {
  const { messages } = useConsoleLanguage();
  return (
    <ConsoleFrame title={messages.centre.money.title} section="money">
      {() => <CentreMoney />}
    </ConsoleFrame>
  );
}

function chosenPeriod(today: string): string {
  const asked = new URLSearchParams(window.location.search).get("period") ?? "";
  return recentMonths(today).includes(asked) ? asked : LAST_30;
}

function CentreMoney() {
  const { messages } = useConsoleLanguage();
  const text = messages.centre.money;
  const today = madinahToday();
  const period = chosenPeriod(today);
  const days = periodDays(period, today);
  const { state, reload } = useMoney(today, days);
  const agencyName = useAgencyName();
  return (
    <>
      <h1 class="heading-xl">{text.title}</h1>
      <p class="lead">{text.intro}</p>
      {state.kind === "loading" && <p>{messages.common.loading}</p>}
      {state.kind === "unreachable" && (
        <Notice heading={text.title} tone="warning">
          <p>{messages.common.unreachable}</p>
        </Notice>
      )}
      {state.kind === "ready" && (
        <div class="money">
          <div class="money__columns">
            <TodayStatement day={state.money.today} />
            <div>
              <CashInDrawer ledger={state.money.ledger} />
              <RemittanceForm onRecorded={reload} />
            </div>
          </div>
          <AccountBalances ledger={state.money.ledger} agencyName={agencyName} />
          <StatementTable statements={state.money.period} period={period} days={days} today={today} />
          <SettlementDiscrepancies days={days} />
          <CloseDayForm today={today} onClosed={reload} />
        </div>
      )}
    </>
  );
}
