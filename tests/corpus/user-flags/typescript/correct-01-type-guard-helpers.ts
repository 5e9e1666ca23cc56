export interface UserRepository {
  find(userId: number): Record<string, unknown> | null;
  save(user: Record<string, unknown>): void;
}

export interface ApiResult {
  code: number;
  message: string;
}

function isEmpty(value: unknown): value is undefined | null | "" {
  return value === undefined || value === null || value === "";
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value > 0;
}

function isFlag(value: unknown): value is 0 | 1 {
  return value === 0 || value === 1;
}

export function updateUserFlags(request: Record<string, unknown>, repo: UserRepository): ApiResult {
  const userId = request.UserId;
  const activeFlag = request.ActiveFlag;
  const systemDeleteFlag = request.SystemDeleteFlag;

  if (isEmpty(userId)) {
    return { code: 50001, message: "UserId is required" };
  }
  if (!isPositiveInteger(userId)) {
    return { code: 50002, message: "UserId must be a positive integer" };
  }
  if (!isFlag(activeFlag) || !isFlag(systemDeleteFlag)) {
    return { code: 50003, message: "ActiveFlag and SystemDeleteFlag must be 0 or 1" };
  }

  try {
    const user = repo.find(userId);
    if (user === null) {
      return { code: 50004, message: "User not found" };
    }
    user.ActiveFlag = activeFlag;
    user.SystemDeleteFlag = systemDeleteFlag;
    repo.save(user);
  } catch (err) {
    return { code: 50000, message: err instanceof Error ? err.message : String(err) };
  }

  return { code: 0, message: "success" };
}
