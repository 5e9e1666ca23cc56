function isValidEmail(value: unknown): boolean {
  if (typeof value !== "string") return false;
  if (/\s/.test(value)) return false;

  const parts = value.split("@");
  if (parts.length !== 2) return false;

  const local = parts[0];
  const domain = parts[1];
  if (local.length === 0) return false;

  for (let i = 1; i < domain.length - 1; i++) {
    if (domain[i] === ".") return true;
  }
  return false;
}

function isLongEnough(value: unknown): boolean {
  return typeof value === "string" && value.length >= 12;
}

function hasDigit(value: unknown): boolean {
  if (typeof value !== "string") return false;
  for (const ch of value) {
    if (ch >= "0" && ch <= "9") return true;
  }
  return false;
}

function isValidAge(value: unknown): boolean {
  return typeof value === "number" && Math.floor(value) === value && value >= 13 && value <= 120;
}

export function validateSignup(input: unknown): string[] {
  let form: { [key: string]: unknown } = {};
  if (input !== null && typeof input === "object" && !Array.isArray(input)) {
    form = input as { [key: string]: unknown };
  }

  const errors: string[] = [];
  if (!isValidEmail(form.email)) errors.push("EMAIL_INVALID");
  if (!isLongEnough(form.password)) errors.push("PASSWORD_TOO_SHORT");
  if (!hasDigit(form.password)) errors.push("PASSWORD_NO_DIGIT");
  if (!isValidAge(form.age)) errors.push("AGE_INVALID");
  if (form.acceptedTerms !== true) errors.push("TERMS_NOT_ACCEPTED");
  return errors;
}
