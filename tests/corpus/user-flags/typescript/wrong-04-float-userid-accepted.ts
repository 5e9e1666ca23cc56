// mistake: UserId is only checked to be a number greater than 0, so fractional ids like 2.5 are accepted instead of returning 50002.
export interface UserRepository {
  find(userId: number): Record<string, unknown> | null;
  save(user: Record<string, unknown>): void;
}

export interface ApiResult {
  code: number;
  message: string;
}

function isPositiveNumber(value: unknown): value is number {
  return typeof value === "number" && value > 0;
}

function isFlag(value: unknown): value is 0 | 1 {
  return value === 0 || value === 1;
}

export function updateUserFlags(request: Record<string, unknown>, repo: UserRepository): ApiResult {
  const userId = request.UserId;
  if (userId === undefined || userId === null || userId === "") {
    return { code: 50001, message: "UserId is required" };
  }
  if (!isPositiveNumber(userId)) {
    return { code: 50002, message: "UserId must be a positive integer" };
  }
  if (!isFlag(request.ActiveFlag) || !isFlag(request.SystemDeleteFlag)) {
    return { code: 50003, message: "ActiveFlag and SystemDeleteFlag must be 0 or 1" };
  }

  try {
    const user = repo.find(userId);
    if (user === null) {
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
