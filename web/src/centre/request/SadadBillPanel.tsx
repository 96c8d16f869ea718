/** A request's SADAD bill on its page: the number the citizen pays, the amount, its status in words, the
 * deadline on Madinah's wall clock (with the Hijri day) and when it was paid; while it waits, what the
 * citizen does. */
import { DateTime } from "../../shared/components/DateTime";
import { WallTime } from "../../shared/components/MadinahTime";
import { SummaryRow } from "../../shared/components/SummaryRow";
import { money } from "../../shared/format/intl";
import { useConsoleLanguage } from "../../shared/i18n/centre";
import type { CentreRequestFile } from "./types";

type Bill = NonNullable<CentreRequestFile["bill"]>;

export function SadadBillPanel({ bill }: { bill: Bill }) {
  const { language, messages } = useConsoleLanguage();
  const text = messages.centre.request.bill;
  return (
    <section aria-labelledby="bill-heading">
      <h2 class="heading-m" id="bill-heading">
        {text.heading}
      </h2>
      {bill.status === "OPEN" && <p>{text.awaiting}</p>}
      <dl class="summary-list">
        <SummaryRow label={text.number} code id="bill-number">
          {bill.billNumber}
        </SummaryRow>
        <SummaryRow label={text.amount} id="bill-amount">
          {money(bill.amount, language)}
        </SummaryRow>
        <SummaryRow label={text.status}>
          <strong class={`tag tag--bill-${bill.status.toLowerCase()}`} id="bill-status">
            {text.statuses[bill.status]}
          </strong>
        </SummaryRow>
        <SummaryRow label={text.deadline} id="bill-deadline">
          <WallTime value={bill.expiresAtMadinah} />
        </SummaryRow>
        {bill.paidAt && (
          <SummaryRow label={text.paidAt} id="bill-paid-at">
            <DateTime value={bill.paidAt} />
          </SummaryRow>
        )}
      </dl>
    </section>
  );
}
