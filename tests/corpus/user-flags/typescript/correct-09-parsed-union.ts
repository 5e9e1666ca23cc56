export interface UserRepository {
  find(userId: number): Record<string, unknown> | null;
  save(user: Record<string, unknown>): void;
}

export interface ApiResult {
  code: number;
  message: string;
}

type Flag = 0 | 1;

interface ValidFlagsRequest {
  userId: number;
  activeFlag: Flag;
  systemDeleteFlag: Flag;
}

type Parsed = { ok: true; value: ValidFlagsRequest } | { ok: false; error: ApiResult };

function toFlag(value: unknown): Flag | null {
  return value === 0 || value === 1 ? value : null;
}

function parseRequest(request: Record<string, unknown>): Parsed {
  const userId = request.UserId;
  if (userId === undefined || userId === null || userId === "") {
    return { ok: false, error: { code: 50001, message: "UserId is required" } };
  }
  if (typeof userId !== "number" || !Number.isSafeInteger(userId) || userId <= 0) {
    return { ok: false, error: { code: 50002, message: "UserId must be a positive integer" } };
  }
  const activeFlag = toFlag(request.ActiveFlag);
  const systemDeleteFlag = toFlag(request.SystemDeleteFlag);
  if (activeFlag === null || systemDeleteFlag === null) {
    return { ok: false, error: { code: 50003, message: "ActiveFlag and SystemDeleteFlag must be 0 or 1" } };
  }
  return { ok: true, value: { userId, activeFlag, systemDeleteFlag } };
}

export function updateUserFlags(request: Record<string, unknown>, repo: UserRepository): ApiResult {
  const parsed = parseRequest(request);
  if (!parsed.ok) {
    return parsed.error;
  }
  const { userId, activeFlag, systemDeleteFlag } = parsed.value;

  try {
    const user = repo.find(userId);
    if (user === null) {
      return { code: 50004, message: "User not found" };
    }
    user.ActiveFlag = activeFlag;
    user.SystemDeleteFlag = systemDeleteFlag;
    repo.save(user);
  } catch (err) {
    return { code: 50000, message: err instanceof Error ? err.message : String(err) };
  }
  return { code: 0, message: "success" };
}
