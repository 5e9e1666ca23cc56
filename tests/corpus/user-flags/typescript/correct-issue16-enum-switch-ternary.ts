interface User {
  UserId: number;
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

enum Code {
  Ok = 0,
  Failed = 50000,
  MissingId = 50001,
  BadId = 50002,
  BadFlag = 50003,
  NoUser = 50004,
}

const isBit = (value: unknown): boolean => value === 0 || value === 1;

const checkId = (id: unknown): ApiResult | null => {
  switch (true) {
    case id === undefined || id === null || id === '':
      return { code: Code.MissingId, message: 'UserId is required' };
    case typeof id !== 'number' || !Number.isInteger(id) || (id as number) <= 0:
      return { code: Code.BadId, message: 'UserId must be a positive integer' };
    default:
      return null;
  }
};

export function updateUserFlags(request: Record<string, unknown>, repo: UserRepository): ApiResult {
  const idProblem = checkId(request.UserId);
  if (idProblem) return idProblem;
  const flagsOk = isBit(request.ActiveFlag) && isBit(request.SystemDeleteFlag);
  if (!flagsOk) return { code: Code.BadFlag, message: 'ActiveFlag and SystemDeleteFlag must be 0 or 1' };
  try {
    const user = repo.find(request.UserId as number);
    if (!user) return { code: Code.NoUser, message: 'User not found' };
    user.ActiveFlag = request.ActiveFlag;
    user.SystemDeleteFlag = request.SystemDeleteFlag;
    repo.save(user);
    return { code: Code.Ok, message: 'OK' };
  } catch (error) {
    return { code: Code.Failed, message: error instanceof Error ? error.message : String(error) };
  }
}
