// mistake: only checks typeof input === "object", which is also true for null, so validateSignup(null) throws a TypeError.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface SignupForm {
  email?: unknown;
  password?: unknown;
  age?: unknown;
  acceptedTerms?: unknown;
}

export function validateSignup(input: unknown): string[] {
  const form: SignupForm =
    typeof input === "object" && !Array.isArray(input) ? (input as SignupForm) : {};
  const errors: string[] = [];

  const email = form.email;
  if (typeof email !== "string" || !EMAIL_PATTERN.test(email)) {
    errors.push("EMAIL_INVALID");
  }
  const password = form.password;
  if (typeof password !== "string" || password.length < 12) {
    errors.push("PASSWORD_TOO_SHORT");
  }
  if (typeof password !== "string" || !/[0-9]/.test(password)) {
    errors.push("PASSWORD_NO_DIGIT");
  }
  const age = form.age;
  if (typeof age !== "number" || Math.floor(age) !== age || age < 13 || age > 120) {
    errors.push("AGE_INVALID");
  }
  if (form.acceptedTerms !== true) {
    errors.push("TERMS_NOT_ACCEPTED");
  }
  return errors;
}
