export interface UserRepository {
  find(userId: number): Record<string, unknown> | null;
  save(user: Record<string, unknown>): void;
}

export interface ApiResult {
  code: number;
  message: string;
}

function checkUserId(value: unknown): ApiResult | null {
  switch (typeof value) {
    case "undefined":
      return { code: 50001, message: "UserId is required" };
    case "string":
      return value === ""
        ? { code: 50001, message: "UserId is required" }
        : { code: 50002, message: "UserId must be a positive integer" };
    case "number":
      return Number.isInteger(value) && value > 0
        ? null
        : { code: 50002, message: "UserId must be a positive integer" };
    case "object":
      if (value === null) {
        return { code: 50001, message: "UserId is required" };
      }
      return { code: 50002, message: "UserId must be a positive integer" };
    default:
      return { code: 50002, message: "UserId must be a positive integer" };
  }
}

function isFlag(value: unknown): boolean {
  switch (value) {
    case 0:
    case 1:
      return true;
    default:
      return false;
  }
}

export function updateUserFlags(request: Record<string, unknown>, repo: UserRepository): ApiResult {
  const idError = checkUserId(request.UserId);
  if (idError) {
    return idError;
  }
  if (!isFlag(request.ActiveFlag) || !isFlag(request.SystemDeleteFlag)) {
    return { code: 50003, message: "ActiveFlag and SystemDeleteFlag must be 0 or 1" };
  }

  const userId = request.UserId as number;
  try {
    const user = repo.find(userId);
    if (user == null) {
      return { code: 50004, message: "User not found" };
    }
    user.ActiveFlag = request.ActiveFlag;
    user.SystemDeleteFlag = request.SystemDeleteFlag;
    repo.save(user);
  } catch (e) {
    return { code: 50000, message: (e as Error).message };
  }
  return { code: 0, message: "success" };
}
