/**
 * A page's "fetch it again" for live events: one fetch at a time, and one more after it when an event
 * arrived while it was in flight. The client shares an operation already in flight with the same variables
 * (urql deduplicates), so calling the loader again at once would hand back the answer of a fetch that may
 * have started before the latest change — the page would stop one event short of the truth (the desk
 * story's browser test saw a request stay "with the agencies" after it came back to the centre).
 */
import { useCallback, useRef } from "preact/hooks";

export function useCoalescedRefresh(load: () => Promise<unknown>): () => void {
  const running = useRef(false);
  const again = useRef(false);
  const latest = useRef(load);
  latest.current = load;
  const refresh = useCallback(() => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    again.current = false;
    void latest.current().finally(() => {
      running.current = false;
      if (again.current) refresh();
    });
  }, []);
  return refresh;
}
