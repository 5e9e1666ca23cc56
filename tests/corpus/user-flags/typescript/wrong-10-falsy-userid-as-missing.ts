// mistake: UserId is tested with !userId, so a UserId of 0 is reported as missing (50001) instead of not positive (50002).
export interface UserRepository {
  find(userId: number): Record<string, unknown> | null;
  save(user: Record<string, unknown>): void;
}

export interface ApiResult {
  code: number;
  message: string;
}

export function updateUserFlags(request: Record<string, unknown>, repo: UserRepository): ApiResult {
  const userId = request.UserId;
  if (!userId) {
    return { code: 50001, message: "UserId is required" };
  }
  if (typeof userId !== "number" || !Number.isInteger(userId) || userId <= 0) {
    return { code: 50002, message: "UserId must be a positive integer" };
  }

  const activeFlag = request.ActiveFlag;
  const systemDeleteFlag = request.SystemDeleteFlag;
  if (activeFlag !== 0 && activeFlag !== 1) {
    return { code: 50003, message: "ActiveFlag must be 0 or 1" };
  }
  if (systemDeleteFlag !== 0 && systemDeleteFlag !== 1) {
    return { code: 50003, message: "SystemDeleteFlag must be 0 or 1" };
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
