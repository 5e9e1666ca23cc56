// mistake: code 50000 is returned with a fixed "Internal server error" message instead of the error's message.
export interface UserRepository {
  find(userId: number): Record<string, unknown> | null;
  save(user: Record<string, unknown>): void;
}

export interface ApiResult {
  code: number;
  message: string;
}

const Codes = {
  Ok: 0,
  Internal: 50000,
  MissingUserId: 50001,
  InvalidUserId: 50002,
  InvalidFlag: 50003,
  NotFound: 50004,
} as const;

export function updateUserFlags(request: Record<string, unknown>, repo: UserRepository): ApiResult {
  const userId = request.UserId;
  if (userId === undefined || userId === null || userId === "") {
    return { code: Codes.MissingUserId, message: "UserId is required" };
  }
  if (typeof userId !== "number" || !Number.isInteger(userId) || userId <= 0) {
    return { code: Codes.InvalidUserId, message: "UserId must be a positive integer" };
  }
  const activeFlag = request.ActiveFlag;
  const systemDeleteFlag = request.SystemDeleteFlag;
  if ((activeFlag !== 0 && activeFlag !== 1) || (systemDeleteFlag !== 0 && systemDeleteFlag !== 1)) {
    return { code: Codes.InvalidFlag, message: "ActiveFlag and SystemDeleteFlag must be 0 or 1" };
  }

  try {
    const user = repo.find(userId);
    if (!user) {
      return { code: Codes.NotFound, message: "User not found" };
    }
    user.ActiveFlag = activeFlag;
    user.SystemDeleteFlag = systemDeleteFlag;
    repo.save(user);
  } catch {
    return { code: Codes.Internal, message: "Internal server error" };
  }
  return { code: Codes.Ok, message: "success" };
}
