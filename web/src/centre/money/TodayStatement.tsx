/** Today's statement (the Madinah day): what came in and went back by channel, the fees and charges,
 * what the drawer owes the treasury and what was handed over, whether the day is closed; and how the
 * acquirer's settlement stands: what it paid into the bank today, today's slips it settled, and the
 * discrepancies reconciling them found (listed under "Card settlement discrepancies"). */
import { DateTime } from "../../shared/components/DateTime";
import { SummaryRow } from "../../shared/components/SummaryRow";
import { money } from "../../shared/format/intl";
import { useConsoleLanguage } from "../../shared/i18n/centre";
import { BusinessDay } from "./BusinessDay";
import type { DayFigures } from "./useMoney";

const AMOUNTS = [
  "cashCollected",
  "cashRefunded",
  "madaCollected",
  "madaRefunded",
  "sadadCollected",
  "sadadRefunded",
  "feesCollected",
  "feesRefunded",
  "chargesCollected",
  "chargesRefunded",
  "expectedRemittance",
  "remitted",
  "madaSettled",
] as const;

export function TodayStatement({ day }: { day: DayFigures }) {
  const { language, messages } = useConsoleLanguage();
  const text = messages.centre.money;
  return (
    <section aria-labelledby="today-heading">
      <h2 class="heading-l" id="today-heading">
        {text.todayHeading}
      </h2>
      <p class="caption">
        <BusinessDay day={day.day} />
      </p>
      <dl class="summary-list statement" id="today">
        <SummaryRow label={text.dayStatus} id="today-status">
          <strong class={day.closedAt ? "tag tag--closed" : "tag tag--open"}>{day.closedAt ? text.closed : text.open}</strong>
          {day.closedAt && (
            <>
              {" "}
              <DateTime value={day.closedAt} />
            </>
          )}
        </SummaryRow>
        <SummaryRow label={text.figures.filings} id="today-filings">
          {day.filings}
        </SummaryRow>
        <SummaryRow label={text.figures.refunds} id="today-refunds">
          {day.refunds}
        </SummaryRow>
        {AMOUNTS.map((figure) => (
          <SummaryRow key={figure} label={text.figures[figure]} id={`today-${figure}`} valueClass={figure === "expectedRemittance" ? "statement__owed" : "statement__amount"}>
            {money(day[figure], language)}
          </SummaryRow>
        ))}
        <SummaryRow label={text.figures.settledLines} id="today-settledLines">
          {day.settledLines}
        </SummaryRow>
        <SummaryRow label={text.figures.settled} id="today-settled" valueClass="statement__amount">
          {money(day.settled, language)}
        </SummaryRow>
        <SummaryRow label={text.figures.discrepancies} id="today-discrepancies" valueClass={day.discrepancies ? "statement__owed" : ""}>
          {day.discrepancies ? <a href="#discrepancies-heading">{day.discrepancies}</a> : day.discrepancies}
        </SummaryRow>
      </dl>
    </section>
  );
}
