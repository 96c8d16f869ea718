/**
 * One message catalogue per language (docs/web.md: "i18n"): `ar/` is the reference, `en/` must hold the
 * same keys (the type below makes a missing or extra key a type error). Each audience keeps its texts
 * in its own file of each language, so pages of different audiences change different files.
 */
import { citizen } from "./ar/citizen";
import { common } from "./ar/common";
import { session } from "./ar/session";
import { statuses } from "./ar/statuses";

export const arabic = { common, statuses, session, citizen };

/** The catalogue's shape with every text widened to `string` (the Arabic literals are not the type). */
export type Widened<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof T]: Widened<T[K]> };

export type Messages = Widened<typeof arabic>;
