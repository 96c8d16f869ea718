/** The session's texts every signed-in page needs (English); the sign-in page's own: ./signin.ts. */
import type { Messages } from "../catalogue";

export const session: Messages["session"] = {
  showPassword: "Show",
  hidePassword: "Hide",
  passwordShown: "Your password is shown",
  passwordHidden: "Your password is hidden",
  signOut: "Sign out",
  signedInAs: (name: string) => `Signed in as ${name}`,
  redirecting: "Opening the sign-in page…",
  idleWarning: {
    heading: "You will be signed out soon",
    body: "We have seen no activity for a while. We will sign you out in 2 minutes to protect your information.",
    stay: "Stay signed in",
  },
};
