// mistake: the parameter validation is done inside the same try block as the repository update.
export interface UserRepository {
  find(userId: number): Record<string, unknown> | null;
  save(user: Record<string, unknown>): void;
}

export interface ApiResult {
  code: number;
  message: string;
}

class UserFlagsService {
  private readonly repo: UserRepository;

  constructor(repo: UserRepository) {
    this.repo = repo;
  }

  update(request: Record<string, unknown>): ApiResult {
    try {
      const userId = request.UserId;
      if (userId === undefined || userId === null || userId === "") {
        return { code: 50001, message: "UserId is required" };
      }
      if (typeof userId !== "number" || !Number.isInteger(userId) || userId <= 0) {
        return { code: 50002, message: "UserId must be a positive integer" };
      }
      const active = request.ActiveFlag;
      const deleted = request.SystemDeleteFlag;
      if ((active !== 0 && active !== 1) || (deleted !== 0 && deleted !== 1)) {
        return { code: 50003, message: "ActiveFlag and SystemDeleteFlag must be 0 or 1" };
      }

      const user = this.repo.find(userId);
      if (user === null) {
        return { code: 50004, message: "User not found" };
      }
      user.ActiveFlag = active;
      user.SystemDeleteFlag = deleted;
      this.repo.save(user);
      return { code: 0, message: "success" };
    } catch (error) {
      return { code: 50000, message: error instanceof Error ? error.message : String(error) };
    }
  }
}

export function updateUserFlags(request: Record<string, unknown>, repo: UserRepository): ApiResult {
  return new UserFlagsService(repo).update(request);
}
