export const SignupError = {
  EmailInvalid: "EMAIL_INVALID",
  PasswordTooShort: "PASSWORD_TOO_SHORT",
  PasswordNoDigit: "PASSWORD_NO_DIGIT",
  AgeInvalid: "AGE_INVALID",
  TermsNotAccepted: "TERMS_NOT_ACCEPTED",
} as const;

export type SignupError = (typeof SignupError)[keyof typeof SignupError];

const MIN_PASSWORD_LENGTH = 12;
const MIN_AGE = 13;
const MAX_AGE = 120;

class SignupValidator {
  private readonly form: { [key: string]: unknown };
  private readonly errors: string[] = [];

  constructor(input: unknown) {
    const isObject = typeof input === "object" && input !== null && !Array.isArray(input);
    this.form = isObject ? (input as { [key: string]: unknown }) : {};
  }

  run(): string[] {
    this.check(this.emailOk(), SignupError.EmailInvalid);
    const password = this.form["password"];
    const pw = typeof password === "string" ? password : null;
    this.check(pw !== null && pw.length >= MIN_PASSWORD_LENGTH, SignupError.PasswordTooShort);
    this.check(pw !== null && /[0-9]/.test(pw), SignupError.PasswordNoDigit);
    this.check(this.ageOk(), SignupError.AgeInvalid);
    this.check(this.form["acceptedTerms"] === true, SignupError.TermsNotAccepted);
    return this.errors;
  }

  private check(ok: boolean, code: SignupError): void {
    if (!ok) {
      this.errors.push(code);
    }
  }

  private emailOk(): boolean {
    const email = this.form["email"];
    if (typeof email !== "string") return false;
    const atCount = email.split("").filter((c) => c === "@").length;
    if (atCount !== 1 || /\s/.test(email)) return false;
    const [local, domain] = email.split("@");
    if (local === "") return false;
    const dot = domain.indexOf(".", 1);
    return dot > 0 && dot < domain.length - 1;
  }

  private ageOk(): boolean {
    const age = this.form["age"];
    return typeof age === "number" && age % 1 === 0 && age >= MIN_AGE && age <= MAX_AGE;
  }
}

export function validateSignup(input: unknown): string[] {
  try {
    return new SignupValidator(input).run();
  } catch {
    return [
      SignupError.EmailInvalid,
      SignupError.PasswordTooShort,
      SignupError.PasswordNoDigit,
      SignupError.AgeInvalid,
      SignupError.TermsNotAccepted,
    ];
  }
}
