// mistake: the codes are swapped: a missing or empty UserId returns 50002 and a non-integer UserId returns 50001.
export interface UserRepository {
  find(userId: number): Record<string, unknown> | null;
  save(user: Record<string, unknown>): void;
}

export interface ApiResult {
  code: number;
  message: string;
}

type Check = (value: unknown) => boolean;

const RULES: ReadonlyArray<[string, Check, number, string]> = [
  ["UserId", (v) => v !== undefined && v !== null && v !== "", 50002, "UserId is missing or empty"],
  ["UserId", (v) => typeof v === "number" && Number.isInteger(v) && v > 0, 50001, "UserId must be a positive integer"],
  ["ActiveFlag", (v) => v === 0 || v === 1, 50003, "ActiveFlag must be 0 or 1"],
  ["SystemDeleteFlag", (v) => v === 0 || v === 1, 50003, "SystemDeleteFlag must be 0 or 1"],
];

export function updateUserFlags(request: Record<string, unknown>, repo: UserRepository): ApiResult {
  for (const [field, check, code, message] of RULES) {
    if (!check(request[field])) {
      return { code, message };
    }
  }

  try {
    const user = repo.find(request.UserId as number);
    if (!user) {
      return { code: 50004, message: "User not found" };
    }
    user.ActiveFlag = request.ActiveFlag;
    user.SystemDeleteFlag = request.SystemDeleteFlag;
    repo.save(user);
  } catch (err) {
    return { code: 50000, message: err instanceof Error ? err.message : String(err) };
  }
  return { code: 0, message: "success" };
}
