// mistake: checks acceptedTerms for truthiness, so values like "yes", 1 or "false" count as accepted.
type Form = Record<string, unknown>;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function asForm(input: unknown): Form {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    return {};
  }
  return input as Form;
}

export function validateSignup(input: unknown): string[] {
  const { email, password, age, acceptedTerms } = asForm(input);
  const errors: string[] = [];

  if (typeof email !== "string" || !EMAIL_PATTERN.test(email)) errors.push("EMAIL_INVALID");
  if (typeof password !== "string" || password.length < 12) errors.push("PASSWORD_TOO_SHORT");
  if (typeof password !== "string" || !/[0-9]/.test(password)) errors.push("PASSWORD_NO_DIGIT");
  if (typeof age !== "number" || Math.floor(age) !== age || age < 13 || age > 120) errors.push("AGE_INVALID");
  if (!acceptedTerms) errors.push("TERMS_NOT_ACCEPTED");

  return errors;
}
