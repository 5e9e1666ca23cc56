// mistake: the null result of repo.find is hidden with a non-null assertion, so an unknown user throws a TypeError reported as 50000 instead of 50004.
export interface UserRepository {
  find(userId: number): Record<string, unknown> | null;
  save(user: Record<string, unknown>): void;
}

export interface ApiResult {
  code: number;
  message: string;
}

const isFlag = (value: unknown): boolean => value === 0 || value === 1;

export function updateUserFlags(request: Record<string, unknown>, repo: UserRepository): ApiResult {
  const userId = request.UserId;
  if (userId === undefined || userId === null || userId === "") {
    return { code: 50001, message: "UserId is required" };
  }
  if (typeof userId !== "number" || !Number.isInteger(userId) || userId <= 0) {
    return { code: 50002, message: "UserId must be a positive integer" };
  }
  if (!isFlag(request.ActiveFlag) || !isFlag(request.SystemDeleteFlag)) {
    return { code: 50003, message: "ActiveFlag and SystemDeleteFlag must be 0 or 1" };
  }

  try {
    const user = repo.find(userId)!;
    user.ActiveFlag = request.ActiveFlag;
    user.SystemDeleteFlag = request.SystemDeleteFlag;
    repo.save(user);
  } catch (err) {
    return { code: 50000, message: err instanceof Error ? err.message : String(err) };
  }
  return { code: 0, message: "success" };
}
