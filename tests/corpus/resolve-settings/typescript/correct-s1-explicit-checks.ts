export interface Settings {
  theme: 'light' | 'dark' | 'system';
  pageSize: number;
  emailDigest: boolean;
  signature: string;
}

const THEMES: ReadonlyArray<string> = ['light', 'dark', 'system'];

function isTheme(value: unknown): value is Settings['theme'] {
  return typeof value === 'string' && THEMES.indexOf(value) !== -1;
}

function isPageSize(value: unknown): value is number {
  return typeof value === 'number' && isFinite(value) && Math.floor(value) === value && value >= 5 && value <= 100;
}

export function resolveSettings(
  user: Partial<Settings> | null | undefined,
  defaults: Settings,
): Settings {
  const result: Settings = {
    theme: defaults.theme,
    pageSize: defaults.pageSize,
    emailDigest: defaults.emailDigest,
    signature: defaults.signature,
  };
  if (user === null || user === undefined) {
    return result;
  }

  const saved = user as Record<string, unknown>;

  if (isTheme(saved.theme)) {
    result.theme = saved.theme;
  }
  if (isPageSize(saved.pageSize)) {
    result.pageSize = saved.pageSize;
  }
  if (typeof saved.emailDigest === 'boolean') {
    result.emailDigest = saved.emailDigest;
  }
  if (typeof saved.signature === 'string') {
    result.signature = saved.signature;
  }

  return result;
}
