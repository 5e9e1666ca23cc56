export interface UserRepository {
  find(userId: number): Record<string, unknown> | null;
  save(user: Record<string, unknown>): void;
}

export interface ApiResult {
  code: number;
  message: string;
}

class UserFlagsUpdater {
  private readonly repo: UserRepository;

  constructor(repo: UserRepository) {
    this.repo = repo;
  }

  private validate(request: Record<string, unknown>): ApiResult | null {
    const userId = request.UserId;
    if (userId === undefined || userId === null || userId === "") {
      return { code: 50001, message: "UserId is required" };
    }
    if (typeof userId !== "number" || !Number.isInteger(userId) || userId <= 0) {
      return { code: 50002, message: "UserId must be a positive integer" };
    }
    for (const key of ["ActiveFlag", "SystemDeleteFlag"]) {
      const flag = request[key];
      if (flag !== 0 && flag !== 1) {
        return { code: 50003, message: `${key} must be 0 or 1` };
      }
    }
    return null;
  }

  run(request: Record<string, unknown>): ApiResult {
    const invalid = this.validate(request);
    if (invalid) {
      return invalid;
    }

    try {
      const user = this.repo.find(request.UserId as number);
      if (user === null) {
        return { code: 50004, message: "User not found" };
      }
      user.ActiveFlag = request.ActiveFlag;
      user.SystemDeleteFlag = request.SystemDeleteFlag;
      this.repo.save(user);
    } catch (error) {
      return { code: 50000, message: error instanceof Error ? error.message : String(error) };
    }
    return { code: 0, message: "success" };
  }
}

export function updateUserFlags(request: Record<string, unknown>, repo: UserRepository): ApiResult {
  return new UserFlagsUpdater(repo).run(request);
}
