/** The sign-in page's texts, for every role (English): typed against the Arabic ones. */
import type { SignInMessages } from "../signin";

export const signin: SignInMessages = {
  signIn: {
    title: "Sign in",
    intro: "For citizens, residents, and the staff of centres and agencies.",
    idLabel: "National ID or Iqama number",
    idHint: "10 digits, starting with 1 for a national ID and 2 for an Iqama.",
    passwordLabel: "Password",
    passwordHint: "The first time: the temporary password the centre gave you.",
    submit: "Sign in",
    submitting: "Checking…",
    idMissing: "Enter your national ID or Iqama number",
    idMalformed: "A national ID or Iqama number is 10 digits starting with 1 or 2",
    passwordMissing: "Enter your password",
    tryLater: (when: string) => `Too many wrong attempts. Try again ${when}.`,
    failed: "Wrong ID number or password, or signing in is paused after wrong attempts",
    lockoutRule:
      "After five wrong attempts, signing in with that ID number is paused for a short while. Forgotten your password? Any centre can give you a new temporary one after checking your identity.",
    noProfile: "You are signed in, but we found no record or staff profile for you. Ask a centre or your account's manager.",
  },
  newPassword: {
    title: "Choose your own password",
    intro: "The temporary password works once. Choose a password now that nobody else knows, not even the centre's staff.",
    label: "New password",
    rulesHeading: "Your password",
    rules: [
      "at least 10 characters long, and at most 256",
      "not the temporary password",
      "a phrase of three or more words is easy to remember and hard to guess",
      "never shared, nor written down at the centre",
    ],
    submit: "Save password and continue",
    missing: "Enter your new password",
    tooShort: "Your password must be at least 10 characters long",
    tooLong: "Your password must be at most 256 characters long",
    sameAsTemporary: "Choose a password other than the temporary one",
    tooWeak: "That password is too weak: use at least 10 characters",
    tookTooLong: "This step timed out. Sign in again with the temporary password.",
  },
  reasons: {
    expired: { heading: "Your session has ended", body: "Sign in again to carry on where you were." },
    idle: {
      heading: "You were signed out",
      body: "Nothing happened for 15 minutes, so we closed your session to protect your information. Sign in again.",
    },
    "signed-out": {
      heading: "You have signed out",
      body: "On a shared computer, close the browser window too.",
    },
  },
  comingSoon: {
    title: "Coming soon",
    body: "These pages are being prepared. Your account works, and you will find them here when they open.",
  },
  roles: {
    CITIZEN: "Citizen or resident",
    CENTRE_OPERATOR: "Service centre staff",
    AGENCY_OFFICER: "Agency officer",
    MONITOR: "Monitoring office",
    ADMIN: "Platform administrator",
  },
};
