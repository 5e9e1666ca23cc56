export interface UserRepository {
  find(userId: number): Record<string, unknown> | null;
  save(user: Record<string, unknown>): void;
}

export interface ApiResult {
  code: number;
  message: string;
}

const FLAG_NAMES = ["ActiveFlag", "SystemDeleteFlag"] as const;
type FlagName = (typeof FLAG_NAMES)[number];
type Flag = 0 | 1;

export function updateUserFlags(request: Record<string, unknown>, repo: UserRepository): ApiResult {
  const userId = request["UserId"];
  if (userId === undefined || userId === null || userId === "") {
    return { code: 50001, message: "UserId is missing" };
  }
  if (typeof userId !== "number" || !Number.isInteger(userId) || userId < 1) {
    return { code: 50002, message: "UserId must be a positive integer" };
  }

  const flags = {} as Record<FlagName, Flag>;
  for (const name of FLAG_NAMES) {
    const value = request[name];
    if (value !== 0 && value !== 1) {
      return { code: 50003, message: `${name} must be 0 or 1` };
    }
    flags[name] = value;
  }

  try {
    const user = repo.find(userId);
    if (user === null) {
      return { code: 50004, message: "user not found" };
    }
    for (const name of FLAG_NAMES) {
      user[name] = flags[name];
    }
    repo.save(user);
  } catch (err) {
    return { code: 50000, message: err instanceof Error ? err.message : String(err) };
  }
  return { code: 0, message: "ok" };
}
