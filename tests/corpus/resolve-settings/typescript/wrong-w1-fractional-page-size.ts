// A stranger's almost-right solution (written blind from the prompt), one planted bug:
// Line 24 accepts any number from 5 to 100 as pageSize without checking that it is an integer.
export interface Settings {
  theme: 'light' | 'dark' | 'system';
  pageSize: number;
  emailDigest: boolean;
  signature: string;
}

const THEMES: ReadonlyArray<string> = ['light', 'dark', 'system'];

function pick<T>(value: unknown, fallback: T, isValid: (v: unknown) => boolean): T {
  if (value === undefined || value === null) {
    return fallback;
  }
  return isValid(value) ? (value as T) : fallback;
}

export function resolveSettings(
  user: Partial<Settings> | null | undefined,
  defaults: Settings,
): Settings {
  const saved: Partial<Settings> = user ?? {};
  return {
    theme: pick(saved.theme, defaults.theme, (v) => typeof v === 'string' && THEMES.includes(v)),
    pageSize: pick(saved.pageSize, defaults.pageSize, (v) => typeof v === 'number' && v >= 5 && v <= 100),
    emailDigest: pick(saved.emailDigest, defaults.emailDigest, (v) => typeof v === 'boolean'),
    signature: pick(saved.signature, defaults.signature, (v) => typeof v === 'string'),
  };
}
