/** While a page's data is on its way, and when it could not be had: said in words, announced politely. */
import { Notice } from "../../shared/components/Notice";
import { useMessages } from "../../shared/i18n/language";

export function Loading() {
  const { common } = useMessages();
  return (
    <p class="hint" role="status">
      {common.loading}
    </p>
  );
}

export function CouldNotLoad({ unreachable }: { unreachable: boolean }) {
  const { common } = useMessages();
  return (
    <Notice heading={common.errorSummaryTitle} tone="warning">
      <p>{unreachable ? common.unreachable : common.unexpected}</p>
    </Notice>
  );
}
