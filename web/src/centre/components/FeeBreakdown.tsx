/** The fee as the citizen pays it: the government fee, the centre's posted charge, the total (SAR). */
import { money } from "../../shared/format/intl";
import { useConsoleLanguage } from "../../shared/i18n/centre";

export function totalOf(fee: string, charge: string): string {
  return ((Math.round(Number(fee) * 100) + Math.round(Number(charge) * 100)) / 100).toFixed(2);
}

export function FeeBreakdown({ fee, charge, total }: { fee: string; charge: string; total?: string }) {
  const { language, messages } = useConsoleLanguage();
  const text = messages.centre.fee;
  return (
    <table class="fee-table">
      <tbody>
        <tr>
          <th scope="row">{text.government}</th>
          <td>{money(fee, language)}</td>
        </tr>
        <tr>
          <th scope="row">{text.charge}</th>
          <td>{money(charge, language)}</td>
        </tr>
        <tr class="fee-table__total">
          <th scope="row">{text.total}</th>
          <td>{money(total ?? totalOf(fee, charge), language)}</td>
        </tr>
      </tbody>
    </table>
  );
}
