// Throws for a missing user inside the try, so an unknown user is reported as 50000.
interface UserRepository {
  find(userId: number): Record<string, unknown> | null;
  save(user: Record<string, unknown>): void;
}

export function updateUserFlags(request: Record<string, unknown>, repo: UserRepository): { code: number; message: string } {
  const userId = request.UserId;
  if (userId === undefined || userId === null || userId === '') {
    return { code: 50001, message: 'UserId is required' };
  }
  if (typeof userId !== 'number' || !Number.isInteger(userId) || userId < 1) {
    return { code: 50002, message: 'UserId must be a positive integer' };
  }
  for (const flag of ['ActiveFlag', 'SystemDeleteFlag']) {
    if (request[flag] !== 0 && request[flag] !== 1) {
      return { code: 50003, message: `${flag} must be 0 or 1` };
    }
  }
  try {
    const user = repo.find(userId);
    if (!user) {
      throw new Error(`User ${userId} not found`);
    }
    user.ActiveFlag = request.ActiveFlag;
    user.SystemDeleteFlag = request.SystemDeleteFlag;
    repo.save(user);
    return { code: 0, message: 'OK' };
  } catch (error) {
    return { code: 50000, message: (error as Error).message };
  }
}
