export interface UserRepository {
  find(userId: number): Record<string, unknown> | null;
  save(user: Record<string, unknown>): void;
}

export interface ApiResult {
  code: number;
  message: string;
}

export const ResultCode = {
  Success: 0,
  InternalError: 50000,
  UserIdRequired: 50001,
  UserIdInvalid: 50002,
  FlagInvalid: 50003,
  UserNotFound: 50004,
} as const;

type ResultCode = (typeof ResultCode)[keyof typeof ResultCode];

const result = (code: ResultCode, message: string): ApiResult => ({ code, message });

export function updateUserFlags(request: Record<string, unknown>, repo: UserRepository): ApiResult {
  const { UserId, ActiveFlag, SystemDeleteFlag } = request;

  if (UserId === undefined || UserId === null || UserId === "") {
    return result(ResultCode.UserIdRequired, "UserId is missing or empty");
  }
  if (typeof UserId !== "number" || !Number.isInteger(UserId) || UserId <= 0) {
    return result(ResultCode.UserIdInvalid, "UserId is not a positive integer");
  }
  if ((ActiveFlag !== 0 && ActiveFlag !== 1) || (SystemDeleteFlag !== 0 && SystemDeleteFlag !== 1)) {
    return result(ResultCode.FlagInvalid, "ActiveFlag and SystemDeleteFlag must be 0 or 1");
  }

  try {
    const user = repo.find(UserId);
    if (!user) {
      return result(ResultCode.UserNotFound, `User ${UserId} not found`);
    }
    user.ActiveFlag = ActiveFlag;
    user.SystemDeleteFlag = SystemDeleteFlag;
    repo.save(user);
    return result(ResultCode.Success, "OK");
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    return result(ResultCode.InternalError, message);
  }
}
