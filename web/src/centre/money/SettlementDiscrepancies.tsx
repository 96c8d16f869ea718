/**
 * "Card settlement discrepancies": what reconciling the acquirer's settlement files found wrong with the
 * centre's card slips of the period shown (docs/money.md): the kind in words, the slip's day, its
 * terminal id and RRN, what the ledger holds and what was settled, the request it paid and the file that
 * showed it; said plainly when there are none.
 */
import { riyals } from "../../shared/format/intl";
import { useConsoleLanguage } from "../../shared/i18n/centre";
import { BusinessDay } from "./BusinessDay";
import { useDiscrepancies, type Discrepancy } from "./useDiscrepancies";

export function SettlementDiscrepancies({ days }: { days: { from: string; to: string } }) {
  const { messages } = useConsoleLanguage();
  const text = messages.centre.money.settlement;
  const { state, more } = useDiscrepancies(days);
  return (
    <section aria-labelledby="discrepancies-heading" id="discrepancies">
      <h2 class="heading-l" id="discrepancies-heading" tabIndex={-1}>
        {text.heading}
      </h2>
      <p>{text.intro}</p>
      {state.kind === "loading" && <p>{messages.common.loading}</p>}
      {state.kind === "unreachable" && <p class="error-message">{messages.common.unreachable}</p>}
      {state.kind === "ready" && state.items.length === 0 && (
        <p class="panel" id="discrepancies-empty">
          {text.empty}
        </p>
      )}
      {state.kind === "ready" && state.items.length > 0 && (
        <>
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="discrepancies-heading">
            <table class="requests discrepancies" id="discrepancies-table">
              <caption>{text.caption}</caption>
              <thead>
                <tr>
                  {Object.entries(text.columns).map(([column, label]) => (
                    <th scope="col" key={column} class={column === "ledger" || column === "settled" ? "number" : undefined}>
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {state.items.map((item) => (
                  <DiscrepancyRow key={item.id} item={item} />
                ))}
              </tbody>
            </table>
          </div>
          {state.nextCursor && (
            <button class="button button--secondary" type="button" id="discrepancies-more" aria-disabled={state.loadingMore ? true : undefined} onClick={() => void more()}>
              {text.more}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function DiscrepancyRow({ item }: { item: Discrepancy }) {
  const { language, messages } = useConsoleLanguage();
  const text = messages.centre.money.settlement;
  const amount = (value: string | null | undefined) => (value ? riyals(value, language) : "—");
  return (
    <tr data-rrn={item.retrievalReference} data-kind={item.kind}>
      <th scope="row">{text.kinds[item.kind]}</th>
      <td>
        <BusinessDay day={item.day} />
      </td>
      <td>
        <span class="code" dir="ltr">
          {item.terminalId}
        </span>
      </td>
      <td>
        <span class="code" dir="ltr">
          {item.retrievalReference}
        </span>
      </td>
      <td class="number">{amount(item.ledgerAmount)}</td>
      <td class="number">{amount(item.settledAmount)}</td>
      <td>
        {item.requestId ? (
          <a href={`/centre/requests/${encodeURIComponent(item.requestId)}`}>
            {text.openRequest}
            <span class="visually-hidden"> ({item.retrievalReference})</span>
          </a>
        ) : (
          "—"
        )}
      </td>
      <td>
        <span class="code discrepancies__file" dir="ltr">
          {item.foundIn}
        </span>
      </td>
    </tr>
  );
}
