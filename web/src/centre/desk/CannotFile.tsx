/** What a centre that may not take new work sees instead of a filing form: why, in the monitoring
 * office's words (AUTH-08: the API refuses it all the same). */
import { Notice } from "../../shared/components/Notice";
import { useConsoleMessages } from "../../shared/i18n/centre";
import type { Desk } from "./useDesk";

export function CannotFile({ desk }: { desk: Desk }) {
  const { centre } = useConsoleMessages();
  return (
    <Notice heading={centre.desk.suspendedHeading} tone="warning">
      <p>{centre.cannotFile}</p>
      {desk.centre.statusReason && (
        <p>
          {centre.desk.reason} <q>{desk.centre.statusReason}</q>
        </p>
      )}
      <p>
        <a href="/centre">{centre.nav.desk}</a>
      </p>
    </Notice>
  );
}
