export interface UserRepository {
  find(userId: number): Record<string, unknown> | null;
  save(user: Record<string, unknown>): void;
}

export interface ApiResult {
  code: number;
  message: string;
}

type Validator = (req: Record<string, unknown>) => ApiResult | undefined;

const fail = (code: number, message: string): ApiResult => ({ code, message });

const validators: Validator[] = [
  (req) =>
    req.UserId === undefined || req.UserId === null || req.UserId === ""
      ? fail(50001, "UserId is missing or empty")
      : undefined,
  (req) =>
    typeof req.UserId === "number" && Number.isInteger(req.UserId) && req.UserId > 0
      ? undefined
      : fail(50002, "UserId must be a positive integer"),
  (req) =>
    [req.ActiveFlag, req.SystemDeleteFlag].every((f) => f === 0 || f === 1)
      ? undefined
      : fail(50003, "ActiveFlag and SystemDeleteFlag must be 0 or 1"),
];

export function updateUserFlags(request: Record<string, unknown>, repo: UserRepository): ApiResult {
  const error = validators.reduce<ApiResult | undefined>((found, v) => found ?? v(request), undefined);
  if (error) {
    return error;
  }

  try {
    const user = repo.find(request.UserId as number);
    if (!user) {
      return fail(50004, "User not found");
    }
    user.ActiveFlag = request.ActiveFlag;
    user.SystemDeleteFlag = request.SystemDeleteFlag;
    repo.save(user);
  } catch (e) {
    return fail(50000, e instanceof Error ? e.message : String(e));
  }
  return { code: 0, message: "success" };
}
