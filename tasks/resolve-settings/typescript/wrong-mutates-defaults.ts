interface Settings {
  theme: 'light' | 'dark' | 'system';
  pageSize: number;
  emailDigest: boolean;
  signature: string;
}

export function resolveSettings(user: Partial<Settings> | null | undefined, defaults: Settings): Settings {
  const result = defaults;
  if (user == null) return result;
  if (user.theme === 'light' || user.theme === 'dark' || user.theme === 'system') result.theme = user.theme;
  if (typeof user.pageSize === 'number' && Number.isInteger(user.pageSize) && user.pageSize >= 5 && user.pageSize <= 100) {
    result.pageSize = user.pageSize;
  }
  if (typeof user.emailDigest === 'boolean') result.emailDigest = user.emailDigest;
  if (typeof user.signature === 'string') result.signature = user.signature;
  return result;
}
