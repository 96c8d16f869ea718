/**
 * The days of a period (the last 30, or a month: `?period=YYYY-MM`), one row each with the period's
 * totals, and the same days as the API's CSV file, saved by the browser.
 */
import { riyals, monthName } from "../../shared/format/intl";
import { useConsoleLanguage } from "../../shared/i18n/centre";
import { BusinessDay } from "./BusinessDay";
import { LAST_30, csvFileName, recentMonths, saveText } from "./period";
import { sumOf } from "./sums";
import type { DayFigures, Statements } from "./useMoney";

type Count = "filings" | "refunds" | "settledLines" | "discrepancies";
type Amount = "cash" | "card" | "refunded" | "fees" | "charges" | "toRemit" | "remitted" | "settled" | "intoBank";

const AMOUNT_OF: Record<Amount, (day: DayFigures) => string[]> = {
  cash: (day) => [day.cashCollected],
  card: (day) => [day.madaCollected],
  refunded: (day) => [day.cashRefunded, day.madaRefunded, day.sadadRefunded],
  fees: (day) => [day.feesCollected],
  charges: (day) => [day.chargesCollected],
  toRemit: (day) => [day.expectedRemittance],
  remitted: (day) => [day.remitted],
  settled: (day) => [day.settled],
  intoBank: (day) => [day.madaSettled],
};

/** The table's figures in order: counts are added as integers, amounts in halalas (`sums.ts`). */
const COLUMNS: ({ count: Count } | { amount: Amount })[] = [
  { count: "filings" },
  { count: "refunds" },
  ...(["cash", "card", "refunded", "fees", "charges", "toRemit", "remitted"] as const).map((amount) => ({ amount })),
  { count: "settledLines" },
  { amount: "settled" },
  { amount: "intoBank" },
  { count: "discrepancies" },
];

interface StatementTableProps {
  statements: Statements;
  period: string;
  days: { from: string; to: string };
  today: string;
}

export function StatementTable({ statements, period, days, today }: StatementTableProps) {
  const { language, messages } = useConsoleLanguage();
  const text = messages.centre.money;
  const rows = statements.days;
  const cell = (column: (typeof COLUMNS)[number], days: DayFigures[]) =>
    "count" in column
      ? String(days.reduce((total, day) => total + day[column.count], 0))
      : riyals(sumOf(days.flatMap(AMOUNT_OF[column.amount])), language);
  const key = (column: (typeof COLUMNS)[number]) => ("count" in column ? column.count : column.amount);
  return (
    <section aria-labelledby="days-heading">
      <h2 class="heading-l" id="days-heading">
        {text.daysHeading}
      </h2>
      <form method="get" class="filter">
        <div class="form-group">
          <label class="label" for="period">
            {text.periodLabel}
          </label>
          <select class="select" id="period" name="period" defaultValue={period}>
            <option value={LAST_30}>{text.last30}</option>
            {recentMonths(today).map((month) => (
              <option value={month} key={month}>
                {monthName(month, language)}
              </option>
            ))}
          </select>
        </div>
        <button class="button button--secondary" type="submit">
          {text.show}
        </button>
      </form>
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="days-heading">
        <table class="requests statement-days" id="statement-days">
          <caption>{text.amountsIn}</caption>
          <thead>
            <tr>
              <th scope="col">{text.columns.day}</th>
              {COLUMNS.map((column) => (
                <th scope="col" class="number" key={key(column)}>
                  {text.columns[key(column)]}
                </th>
              ))}
              <th scope="col">{text.columns.status}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((day) => (
              <tr key={day.day} id={`day-${day.day}`}>
                <th scope="row">
                  <BusinessDay day={day.day} />
                </th>
                {COLUMNS.map((column) => (
                  <td class="number" key={key(column)}>
                    {cell(column, [day])}
                  </td>
                ))}
                <td>{day.closedAt ? text.closed : text.open}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr id="statement-total">
              <th scope="row">{text.total}</th>
              {COLUMNS.map((column) => (
                <td class="number" key={key(column)}>
                  {cell(column, rows)}
                </td>
              ))}
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <p class="hint" id="download-hint">
        {text.downloadHint}
      </p>
      <button
        class="button button--secondary"
        type="button"
        id="download-csv"
        aria-describedby="download-hint"
        onClick={() => saveText(statements.csv, csvFileName(statements.centreId, period, days))}
      >
        {text.download}
      </button>
    </section>
  );
}
