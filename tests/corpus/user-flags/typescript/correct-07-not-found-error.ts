export interface UserRepository {
  find(userId: number): Record<string, unknown> | null;
  save(user: Record<string, unknown>): void;
}

export interface ApiResult {
  code: number;
  message: string;
}

class UserNotFoundError extends Error {
  constructor(userId: number) {
    super(`User ${userId} not found`);
    this.name = "UserNotFoundError";
  }
}

const isFlag = (v: unknown): v is 0 | 1 => v === 0 || v === 1;

export function updateUserFlags(request: Record<string, unknown>, repo: UserRepository): ApiResult {
  const userId = request.UserId;
  const activeFlag = request.ActiveFlag;
  const systemDeleteFlag = request.SystemDeleteFlag;

  if (userId == null || userId === "") {
    return { code: 50001, message: "UserId is required" };
  }
  if (!Number.isInteger(userId) || (userId as number) <= 0) {
    return { code: 50002, message: "UserId must be a positive integer" };
  }
  if (!isFlag(activeFlag) || !isFlag(systemDeleteFlag)) {
    return { code: 50003, message: "Invalid ActiveFlag or SystemDeleteFlag" };
  }

  const id = userId as number;
  try {
    const user = repo.find(id);
    if (user === null) {
      throw new UserNotFoundError(id);
    }
    Object.assign(user, { ActiveFlag: activeFlag, SystemDeleteFlag: systemDeleteFlag });
    repo.save(user);
    return { code: 0, message: "updated" };
  } catch (err) {
    if (err instanceof UserNotFoundError) {
      return { code: 50004, message: err.message };
    }
    return { code: 50000, message: err instanceof Error ? err.message : String(err) };
  }
}
