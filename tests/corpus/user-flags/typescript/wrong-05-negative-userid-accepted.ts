// mistake: the positivity check only rejects 0 (userId === 0), so negative ids like -3 are accepted.
export interface UserRepository {
  find(userId: number): Record<string, unknown> | null;
  save(user: Record<string, unknown>): void;
}

export interface ApiResult {
  code: number;
  message: string;
}

type Flag = 0 | 1;

const toFlag = (v: unknown): Flag | null => (v === 0 || v === 1 ? v : null);

export function updateUserFlags(request: Record<string, unknown>, repo: UserRepository): ApiResult {
  const userId = request.UserId;
  if (userId === undefined || userId === null || userId === "") return { code: 50001, message: "UserId is required" };
  if (typeof userId !== "number" || !Number.isInteger(userId) || userId === 0)
    return { code: 50002, message: "UserId must be a positive integer" };

  const activeFlag = toFlag(request.ActiveFlag);
  const systemDeleteFlag = toFlag(request.SystemDeleteFlag);
  if (activeFlag === null || systemDeleteFlag === null)
    return { code: 50003, message: "ActiveFlag and SystemDeleteFlag must be 0 or 1" };

  try {
    const user = repo.find(userId);
    if (!user) return { code: 50004, message: "User not found" };
    user.ActiveFlag = activeFlag;
    user.SystemDeleteFlag = systemDeleteFlag;
    repo.save(user);
    return { code: 0, message: "success" };
  } catch (e) {
    return { code: 50000, message: e instanceof Error ? e.message : String(e) };
  }
}
