interface Settings {
  theme: 'light' | 'dark' | 'system';
  pageSize: number;
  emailDigest: boolean;
  signature: string;
}

export function resolveSettings(user: Partial<Settings> | null | undefined, defaults: Settings): Settings {
  if (!user) {
    return { ...defaults };
  }
  const validThemes = ['light', 'dark', 'system'];
  const pageSize = user.pageSize || defaults.pageSize;
  return {
    theme: user.theme && validThemes.includes(user.theme) ? user.theme : defaults.theme,
    pageSize: Number.isInteger(pageSize) && pageSize >= 5 && pageSize <= 100 ? pageSize : defaults.pageSize,
    emailDigest: user.emailDigest || defaults.emailDigest,
    signature: user.signature || defaults.signature,
  };
}
