/** The ledger's balances: the cash the drawer should hold, first and large (beside the remittance that
 * empties it); and every account of the centre, its kind in words, the agency a fee is owed for, and its
 * balance (credits negative). */
import { money } from "../../shared/format/intl";
import { useConsoleLanguage } from "../../shared/i18n/centre";
import type { Ledger } from "./useMoney";

export function CashInDrawer({ ledger }: { ledger: Ledger }) {
  const { language, messages } = useConsoleLanguage();
  const text = messages.centre.money;
  return (
    <div class="drawer">
      <h2 class="drawer__label" id="drawer-label">
        {text.drawer}
      </h2>
      <p class="drawer__amount" id="cash-in-drawer">
        {money(ledger.cashInDrawer, language)}
      </p>
      <p class="hint">{text.drawerHint}</p>
    </div>
  );
}

export function AccountBalances({ ledger, agencyName }: { ledger: Ledger; agencyName: (code: string) => string }) {
  const { language, messages } = useConsoleLanguage();
  const text = messages.centre.money;
  return (
    <section aria-labelledby="ledger-heading">
      <h2 class="heading-l" id="ledger-heading">
        {text.ledgerHeading}
      </h2>
      <p class="hint" id="balances-hint">
        {text.balancesHint}
      </p>
      <table class="requests balances" id="balances" aria-describedby="balances-hint">
        <caption class="visually-hidden">{text.ledgerHeading}</caption>
        <thead>
          <tr>
            <th scope="col">{text.kindLabel}</th>
            <th scope="col">{text.agency}</th>
            <th scope="col">{text.account}</th>
            <th scope="col" class="number">
              {text.balance}
            </th>
          </tr>
        </thead>
        <tbody>
          {ledger.accounts.map((account) => (
            <tr key={account.account} id={`account-${account.account.replace("#", "-")}`}>
              <th scope="row">{text.kinds[account.kind]}</th>
              <td>{account.agencyCode ? agencyName(account.agencyCode) : "—"}</td>
              <td>
                <span class="code" dir="ltr">
                  {account.account}
                </span>
              </td>
              <td class="number">{money(account.balance, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
