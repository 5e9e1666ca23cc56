interface User {
  UserId: number;
  ActiveFlag?: number;
  SystemDeleteFlag?: number;
  [key: string]: unknown;
}

interface UserRepository {
  find(userId: number): User | null;
  save(user: User): void;
}

interface ApiResult {
  code: number;
  message: string;
}

export function updateUserFlags(request: Record<string, unknown>, repo: UserRepository): ApiResult {
  const userId = request.UserId;
  if (userId === undefined || userId === null || userId === '') {
    return { code: 50001, message: 'UserId is required' };
  }
  if (typeof userId !== 'number' || !Number.isInteger(userId) || userId <= 0) {
    return { code: 50002, message: 'UserId must be a positive integer' };
  }
  const activeFlag = request.ActiveFlag;
  const systemDeleteFlag = request.SystemDeleteFlag;
  if ((activeFlag !== 0 && activeFlag !== 1) || (systemDeleteFlag !== 0 && systemDeleteFlag !== 1)) {
    return { code: 50003, message: 'ActiveFlag and SystemDeleteFlag must be 0 or 1' };
  }

  try {
    const user = repo.find(userId);
    if (user === null || user === undefined) {
      return { code: 50004, message: 'User not found' };
    }
    user.ActiveFlag = activeFlag;
    user.SystemDeleteFlag = systemDeleteFlag;
    repo.save(user);
  } catch (error) {
    return { code: 50000, message: error instanceof Error ? error.message : String(error) };
  }
  return { code: 0, message: 'OK' };
}
