export interface UserRepository {
  find(userId: number): Record<string, unknown> | null;
  save(user: Record<string, unknown>): void;
}

export interface ApiResult {
  code: number;
  message: string;
}

export function updateUserFlags(request: Record<string, unknown>, repo: UserRepository): ApiResult {
  const id = request.UserId;
  const active = request.ActiveFlag;
  const deleted = request.SystemDeleteFlag;

  if (id === undefined || id === null || id === "") return { code: 50001, message: "UserId is required" };
  if (typeof id !== "number" || id % 1 !== 0 || id <= 0) return { code: 50002, message: "UserId must be a positive integer" };
  if (active !== 0 && active !== 1) return { code: 50003, message: "ActiveFlag must be 0 or 1" };
  if (deleted !== 0 && deleted !== 1) return { code: 50003, message: "SystemDeleteFlag must be 0 or 1" };

  try {
    const user = repo.find(id);
    if (!user) return { code: 50004, message: "User not found" };
    user.ActiveFlag = active;
    user.SystemDeleteFlag = deleted;
    repo.save(user);
    return { code: 0, message: "success" };
  } catch (e) {
    return { code: 50000, message: e instanceof Error ? e.message : String(e) };
  }
}
