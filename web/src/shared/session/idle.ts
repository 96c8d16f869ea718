/**
 * The idle time-out: a person who does nothing for IDLE_MINUTES is signed out (a centre's terminal is
 * shared; a phone gets left on a table). They are warned WARNING_MINUTES before, and any key, click or
 * touch starts the count again.
 */
export const IDLE_MINUTES = 15;
export const WARNING_MINUTES = 2;
const ACTIVITY = ["keydown", "pointerdown", "wheel", "touchstart"] as const;

export interface IdleWatch {
  /** Start the count again (the "stay signed in" button). */
  restart: () => void;
  stop: () => void;
}

interface IdleCallbacks {
  onWarning: () => void;
  onIdle: () => void;
  /** The person did something (the warning, if shown, can go). */
  onActivity: () => void;
}

export function watchIdle({ onWarning, onIdle, onActivity }: IdleCallbacks, minutes: number = IDLE_MINUTES): IdleWatch {
  let warning: ReturnType<typeof setTimeout> | undefined;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const restart = () => {
    onActivity();
    clearTimeout(warning);
    clearTimeout(idle);
    warning = setTimeout(onWarning, (minutes - WARNING_MINUTES) * 60_000);
    idle = setTimeout(onIdle, minutes * 60_000);
  };
  for (const kind of ACTIVITY) window.addEventListener(kind, restart, { passive: true, capture: true });
  restart();
  return {
    restart,
    stop() {
      clearTimeout(warning);
      clearTimeout(idle);
      for (const kind of ACTIVITY) window.removeEventListener(kind, restart, { capture: true });
    },
  };
}
