// mistake: the flags are validated before UserId, so a request with a bad UserId and bad flags gets 50003 instead of 50001/50002.
export interface UserRepository {
  find(userId: number): Record<string, unknown> | null;
  save(user: Record<string, unknown>): void;
}

export interface ApiResult {
  code: number;
  message: string;
}

const isFlag = (v: unknown): v is 0 | 1 => v === 0 || v === 1;

export function updateUserFlags(request: Record<string, unknown>, repo: UserRepository): ApiResult {
  const { UserId, ActiveFlag, SystemDeleteFlag } = request;

  if (!isFlag(ActiveFlag) || !isFlag(SystemDeleteFlag)) {
    return { code: 50003, message: "ActiveFlag and SystemDeleteFlag must be 0 or 1" };
  }
  if (UserId === undefined || UserId === null || UserId === "") {
    return { code: 50001, message: "UserId is required" };
  }
  if (typeof UserId !== "number" || !Number.isInteger(UserId) || UserId <= 0) {
    return { code: 50002, message: "UserId must be a positive integer" };
  }

  try {
    const user = repo.find(UserId);
    if (user === null) {
      return { code: 50004, message: "User not found" };
    }
    user.ActiveFlag = ActiveFlag;
    user.SystemDeleteFlag = SystemDeleteFlag;
    repo.save(user);
  } catch (err) {
    return { code: 50000, message: err instanceof Error ? err.message : String(err) };
  }
  return { code: 0, message: "success" };
}
