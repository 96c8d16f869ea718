/** A form the page handles itself (GOV.UK: the browser's own validation off, our error summary on): a
 * submission while the last one is still running is ignored. */
import type { ComponentChildren } from "preact";

export function Form({ busy = false, onSubmit, children }: { busy?: boolean; onSubmit: () => void; children: ComponentChildren }) {
  return (
    <form
      method="post"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) onSubmit();
      }}
    >
      {children}
    </form>
  );
}
