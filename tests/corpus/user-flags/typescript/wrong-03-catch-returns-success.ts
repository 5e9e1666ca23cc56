// mistake: the catch block only logs the error and falls through to return code 0, so a failed save is reported as success.
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
  if (userId === undefined || userId === null || userId === "") {
    return { code: 50001, message: "UserId is missing" };
  }
  if (typeof userId !== "number" || !Number.isInteger(userId) || userId < 1) {
    return { code: 50002, message: "UserId must be a positive integer" };
  }
  for (const key of ["ActiveFlag", "SystemDeleteFlag"]) {
    if (request[key] !== 0 && request[key] !== 1) {
      return { code: 50003, message: `${key} must be 0 or 1` };
    }
  }

  try {
    const user = repo.find(userId);
    if (user === null) {
      return { code: 50004, message: "User not found" };
    }
    user.ActiveFlag = request.ActiveFlag;
    user.SystemDeleteFlag = request.SystemDeleteFlag;
    repo.save(user);
  } catch (err) {
    console.error("updateUserFlags failed", err);
  }
  return { code: 0, message: "success" };
}
