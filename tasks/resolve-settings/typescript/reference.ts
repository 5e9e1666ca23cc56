interface Settings {
  theme: 'light' | 'dark' | 'system';
  pageSize: number;
  emailDigest: boolean;
  signature: string;
}

const THEMES: readonly string[] = ['light', 'dark', 'system'];

export function resolveSettings(user: Partial<Settings> | null | undefined, defaults: Settings): Settings {
  const saved: Record<string, unknown> = (user ?? {}) as Record<string, unknown>;
  const theme = saved.theme;
  const pageSize = saved.pageSize;
  const emailDigest = saved.emailDigest;
  const signature = saved.signature;
  return {
    theme: typeof theme === 'string' && THEMES.includes(theme) ? (theme as Settings['theme']) : defaults.theme,
    pageSize:
      typeof pageSize === 'number' && Number.isInteger(pageSize) && pageSize >= 5 && pageSize <= 100
        ? pageSize
        : defaults.pageSize,
    emailDigest: typeof emailDigest === 'boolean' ? emailDigest : defaults.emailDigest,
    signature: typeof signature === 'string' ? signature : defaults.signature,
  };
}
