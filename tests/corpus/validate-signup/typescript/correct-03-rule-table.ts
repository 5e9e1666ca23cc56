type Form = Record<string, unknown>;

interface Rule {
  code: string;
  valid: (form: Form) => boolean;
}

const isString = (v: unknown): v is string => typeof v === "string";

const RULES: ReadonlyArray<Rule> = [
  {
    code: "EMAIL_INVALID",
    valid: ({ email }) => {
      if (!isString(email) || /\s/.test(email)) return false;
      const at = email.indexOf("@");
      if (at <= 0 || email.indexOf("@", at + 1) !== -1) return false;
      const domain = email.slice(at + 1);
      return domain.slice(1, -1).indexOf(".") !== -1;
    },
  },
  {
    code: "PASSWORD_TOO_SHORT",
    valid: ({ password }) => isString(password) && password.length >= 12,
  },
  {
    code: "PASSWORD_NO_DIGIT",
    valid: ({ password }) => isString(password) && /\d/.test(password),
  },
  {
    code: "AGE_INVALID",
    valid: ({ age }) => typeof age === "number" && age % 1 === 0 && age >= 13 && age <= 120,
  },
  {
    code: "TERMS_NOT_ACCEPTED",
    valid: ({ acceptedTerms }) => acceptedTerms === true,
  },
];

function toForm(input: unknown): Form {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return {};
  }
  return input as Form;
}

export function validateSignup(input: unknown): string[] {
  const form = toForm(input);
  return RULES.filter((rule) => !rule.valid(form)).map((rule) => rule.code);
}
