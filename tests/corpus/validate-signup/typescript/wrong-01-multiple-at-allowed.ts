// mistake: takes everything after the first "@" as the domain without checking there is exactly one "@", so "a@b@c.com" is accepted.
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isValidEmail(email: unknown): boolean {
  if (typeof email !== "string" || /\s/.test(email)) return false;
  const at = email.indexOf("@");
  if (at < 1) return false;
  const domain = email.slice(at + 1);
  return domain.slice(1, -1).indexOf(".") !== -1;
}

export function validateSignup(input: unknown): string[] {
  const form = isPlainObject(input) ? input : {};
  const errors: string[] = [];

  if (!isValidEmail(form.email)) errors.push("EMAIL_INVALID");
  const password = form.password;
  if (typeof password !== "string" || password.length < 12) errors.push("PASSWORD_TOO_SHORT");
  if (typeof password !== "string" || !/[0-9]/.test(password)) errors.push("PASSWORD_NO_DIGIT");
  const age = form.age;
  if (typeof age !== "number" || Math.floor(age) !== age || age < 13 || age > 120) errors.push("AGE_INVALID");
  if (form.acceptedTerms !== true) errors.push("TERMS_NOT_ACCEPTED");

  return errors;
}
