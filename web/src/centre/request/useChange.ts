/** A change to a request (resubmit, confirm delivery, cancel): one at a time, its refusal in words. */
import { useRef, useState } from "preact/hooks";
import { useConsoleMessages } from "../../shared/i18n/centre";
import { useLocalized } from "../../shared/i18n/language";

type Answer = { __typename: string; message?: { ar: string; en: string } } | undefined;

export function useChange(onChanged: () => void): {
  busy: boolean;
  problem: string;
  run: (change: () => Promise<Answer>) => Promise<void>;
} {
  const { common } = useConsoleMessages();
  const localized = useLocalized();
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState("");
  const run = async (change: () => Promise<Answer>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    const answer = await change();
    inFlight.current = false;
    setBusy(false);
    if (answer?.__typename === "ServiceRequest") {
      setProblem("");
      onChanged();
    } else setProblem(answer?.message ? localized(answer.message) : common.unreachable);
  };
  return { busy, problem, run };
}
