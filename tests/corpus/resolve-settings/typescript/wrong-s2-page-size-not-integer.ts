export interface Settings {
  theme: 'light' | 'dark' | 'system';
  pageSize: number; // an integer from 5 to 100
  emailDigest: boolean;
  signature: string;
}

const VALID_THEMES = new Set<string>(['light', 'dark', 'system']);

export function resolveSettings(
  user: Partial<Settings> | null | undefined,
  defaults: Settings,
): Settings {
  const saved: Record<string, unknown> = user ?? {};
  const result: Settings = {
    theme: defaults.theme,
    pageSize: defaults.pageSize,
    emailDigest: defaults.emailDigest,
    signature: defaults.signature,
  };

  const theme = saved.theme;
  if (typeof theme === 'string' && VALID_THEMES.has(theme)) {
    result.theme = theme as Settings['theme'];
  }

  const pageSize = saved.pageSize;
  if (typeof pageSize === 'number' && pageSize >= 5 && pageSize <= 100) {
    result.pageSize = pageSize;
  }

  const emailDigest = saved.emailDigest;
  if (typeof emailDigest === 'boolean') {
    result.emailDigest = emailDigest;
  }

  const signature = saved.signature;
  if (typeof signature === 'string') {
    result.signature = signature;
  }

  return result;
}
