// mistake: the flags are written to a spread copy of the user, but the original unchanged user object is passed to repo.save.
export interface UserRepository {
  find(userId: number): Record<string, unknown> | null;
  save(user: Record<string, unknown>): void;
}

export interface ApiResult {
  code: number;
  message: string;
}

interface UserFlags {
  ActiveFlag: 0 | 1;
  SystemDeleteFlag: 0 | 1;
}

export function updateUserFlags(request: Record<string, unknown>, repo: UserRepository): ApiResult {
  const userId = request.UserId;
  if (userId === undefined || userId === null || userId === "") {
    return { code: 50001, message: "UserId is required" };
  }
  if (typeof userId !== "number" || !Number.isInteger(userId) || userId <= 0) {
    return { code: 50002, message: "UserId must be a positive integer" };
  }
  const { ActiveFlag, SystemDeleteFlag } = request;
  if ((ActiveFlag !== 0 && ActiveFlag !== 1) || (SystemDeleteFlag !== 0 && SystemDeleteFlag !== 1)) {
    return { code: 50003, message: "ActiveFlag and SystemDeleteFlag must be 0 or 1" };
  }
  const flags: UserFlags = { ActiveFlag, SystemDeleteFlag };

  try {
    const user = repo.find(userId);
    if (user === null) {
      return { code: 50004, message: "User not found" };
    }
    const updated = { ...user, ...flags };
    console.debug("updating user", updated);
    repo.save(user);
  } catch (err) {
    return { code: 50000, message: err instanceof Error ? err.message : String(err) };
  }
  return { code: 0, message: "success" };
}
