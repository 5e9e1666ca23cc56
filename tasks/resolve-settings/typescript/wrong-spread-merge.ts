interface Settings {
  theme: 'light' | 'dark' | 'system';
  pageSize: number;
  emailDigest: boolean;
  signature: string;
}

export function resolveSettings(user: Partial<Settings> | null | undefined, defaults: Settings): Settings {
  const merged: Settings = { ...defaults, ...(user ?? {}) };
  if (!['light', 'dark', 'system'].includes(merged.theme)) {
    merged.theme = defaults.theme;
  }
  if (merged.pageSize < 5 || merged.pageSize > 100) {
    merged.pageSize = defaults.pageSize;
  }
  return merged;
}
