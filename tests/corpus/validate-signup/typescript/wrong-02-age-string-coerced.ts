// mistake: converts age with Number() before checking it, so a string such as "30" is accepted as a valid age.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateSignup(input: unknown): string[] {
  const form: Record<string, unknown> =
    typeof input === "object" && input !== null && !Array.isArray(input)
      ? (input as Record<string, unknown>)
      : {};
  const errors: string[] = [];

  const email = form.email;
  if (typeof email !== "string" || !EMAIL_PATTERN.test(email)) {
    errors.push("EMAIL_INVALID");
  }

  const password = form.password;
  if (typeof password !== "string" || password.length < 12) {
    errors.push("PASSWORD_TOO_SHORT");
  }
  if (typeof password !== "string" || !/\d/.test(password)) {
    errors.push("PASSWORD_NO_DIGIT");
  }

  const age = form.age === undefined || form.age === null ? NaN : Number(form.age);
  if (isNaN(age) || Math.floor(age) !== age || age < 13 || age > 120) {
    errors.push("AGE_INVALID");
  }

  if (form.acceptedTerms !== true) {
    errors.push("TERMS_NOT_ACCEPTED");
  }

  return errors;
}
