import type { Messages } from "../catalogue";

/** Texts every page shares (the frame, the language switch, errors): English. */
export const common: Messages["common"] = {
  productName: "Shubbak",
  productTagline: "The e-services window of the Madinah region",
  skipToContent: "Skip to main content",
  switchLanguage: "العربية",
  home: "Home",
  startHeading: "Shubbak services",
  startIntro: "Licensed service centres file your government requests for you; you get a text message at every step.",
  startTrack: "Track a request",
  startTrackHint: "With the tracking number and PIN printed on your receipt, without signing in.",
  errorPrefix: "Error:",
  errorSummaryTitle: "There is a problem",
  notFoundHeading: "Page not found",
  notFoundBody: "Check the address, or start from the home page.",
  unreachable: "The service could not be reached. Check your internet connection and try again.",
  unexpected: "Something went wrong. Try again in a moment.",
  loading: "Loading…",
  dueIn: (relative: string) => `Due ${relative}`,
  overdueSince: (relative: string) => `Overdue: the time ran out ${relative}`,
  footer: "Shubbak — an open platform for agent-assisted e-government services.",
};
