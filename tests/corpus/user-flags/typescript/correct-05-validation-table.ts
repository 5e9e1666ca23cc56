export interface UserRepository {
  find(userId: number): Record<string, unknown> | null;
  save(user: Record<string, unknown>): void;
}

export interface ApiResult {
  code: number;
  message: string;
}

type Check = (value: unknown) => boolean;

interface Rule {
  field: string;
  check: Check;
  code: number;
  message: string;
}

const present: Check = (v) => v !== undefined && v !== null && v !== "";
const positiveInt: Check = (v) => typeof v === "number" && Number.isInteger(v) && v > 0;
const bit: Check = (v) => v === 0 || v === 1;

const RULES: readonly Rule[] = [
  { field: "UserId", check: present, code: 50001, message: "UserId is missing or empty" },
  { field: "UserId", check: positiveInt, code: 50002, message: "UserId must be a positive integer" },
  { field: "ActiveFlag", check: bit, code: 50003, message: "ActiveFlag must be 0 or 1" },
  { field: "SystemDeleteFlag", check: bit, code: 50003, message: "SystemDeleteFlag must be 0 or 1" },
];

export function updateUserFlags(request: Record<string, unknown>, repo: UserRepository): ApiResult {
  const broken = RULES.find((rule) => !rule.check(request[rule.field]));
  if (broken) {
    return { code: broken.code, message: broken.message };
  }

  try {
    const user = repo.find(request.UserId as number);
    if (!user) {
      return { code: 50004, message: "User not found" };
    }
    user.ActiveFlag = request.ActiveFlag;
    user.SystemDeleteFlag = request.SystemDeleteFlag;
    repo.save(user);
    return { code: 0, message: "success" };
  } catch (err) {
    return { code: 50000, message: err instanceof Error ? err.message : String(err) };
  }
}
