export interface Settings {
  theme: 'light' | 'dark' | 'system';
  pageSize: number; // an integer from 5 to 100
  emailDigest: boolean;
  signature: string;
}

const THEMES: ReadonlyArray<Settings['theme']> = ['light', 'dark', 'system'];

function isTheme(value: unknown): value is Settings['theme'] {
  return typeof value === 'string' && (THEMES as ReadonlyArray<string>).includes(value);
}

function isPageSize(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 5 && value <= 100;
}

export function resolveSettings(
  user: Partial<Settings> | null | undefined,
  defaults: Settings,
): Settings {
  if (user == null) {
    return {
      theme: defaults.theme,
      pageSize: defaults.pageSize,
      emailDigest: defaults.emailDigest,
      signature: defaults.signature,
    };
  }

  const raw = user as Record<string, unknown>;

  return {
    theme: isTheme(raw.theme) ? raw.theme : defaults.theme,
    pageSize: isPageSize(raw.pageSize) ? raw.pageSize : defaults.pageSize,
    emailDigest: typeof raw.emailDigest === 'boolean' ? raw.emailDigest : defaults.emailDigest,
    signature: (typeof raw.signature === 'string' && raw.signature) || defaults.signature,
  };
}
