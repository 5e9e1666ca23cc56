// Trusts the TypeScript types instead of checking values at run time: only missing values are rejected.
interface UpdateFlagsRequest {
  UserId?: number;
  ActiveFlag?: 0 | 1;
  SystemDeleteFlag?: 0 | 1;
}

interface UserRepository {
  find(userId: number): Record<string, unknown> | null;
  save(user: Record<string, unknown>): void;
}

export function updateUserFlags(request: UpdateFlagsRequest, repo: UserRepository): { code: number; message: string } {
  if (request.UserId === undefined) {
    return { code: 50001, message: 'UserId is required' };
  }
  if (request.UserId <= 0) {
    return { code: 50002, message: 'UserId must be positive' };
  }
  if (request.ActiveFlag === undefined || request.SystemDeleteFlag === undefined) {
    return { code: 50003, message: 'Flags are required' };
  }
  try {
    const user = repo.find(request.UserId);
    if (!user) {
      return { code: 50004, message: 'User not found' };
    }
    user.ActiveFlag = request.ActiveFlag;
    user.SystemDeleteFlag = request.SystemDeleteFlag;
    repo.save(user);
    return { code: 0, message: 'OK' };
  } catch (error) {
    return { code: 50000, message: (error as Error).message };
  }
}
