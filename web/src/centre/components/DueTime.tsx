/** The SLA countdown of an open step: "due Sunday 09:40 (…) — in 3 hours", or overdue, in working time
 * as the API computed it (`dueAt`, `dueAtMadinah`). */
import { relativeTime } from "../../shared/format/intl";
import { useConsoleLanguage } from "../../shared/i18n/centre";
import { useWallTime, type MadinahWallTime } from "./WallTime";

export function DueTime({ dueAt, wall, overdue }: { dueAt: string; wall: MadinahWallTime; overdue: boolean }) {
  const { language, messages } = useConsoleLanguage();
  const wallTime = useWallTime();
  const text = messages.centre;
  return (
    <span class={overdue ? "due due--late" : "due"}>
      <time dateTime={dueAt}>{overdue ? text.overdueSince(wallTime(wall)) : text.dueAt(wallTime(wall))}</time>
      <span class="due__relative"> — {relativeTime(dueAt, language)}</span>
    </span>
  );
}
