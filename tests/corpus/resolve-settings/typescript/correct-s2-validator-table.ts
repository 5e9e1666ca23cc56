export interface Settings {
  theme: 'light' | 'dark' | 'system';
  pageSize: number;
  emailDigest: boolean;
  signature: string;
}

type Validators = { [K in keyof Settings]: (value: unknown) => value is Settings[K] };

const validators: Validators = {
  theme: (v): v is Settings['theme'] => v === 'light' || v === 'dark' || v === 'system',
  pageSize: (v): v is number => typeof v === 'number' && v % 1 === 0 && v >= 5 && v <= 100,
  emailDigest: (v): v is boolean => typeof v === 'boolean',
  signature: (v): v is string => typeof v === 'string',
};

function pick<K extends keyof Settings>(
  key: K,
  user: Partial<Settings> | null | undefined,
  defaults: Settings,
): Settings[K] {
  const value: unknown = user?.[key];
  if (value === undefined || value === null) {
    return defaults[key];
  }
  return validators[key](value) ? value : defaults[key];
}

export function resolveSettings(
  user: Partial<Settings> | null | undefined,
  defaults: Settings,
): Settings {
  return {
    theme: pick('theme', user, defaults),
    pageSize: pick('pageSize', user, defaults),
    emailDigest: pick('emailDigest', user, defaults),
    signature: pick('signature', user, defaults),
  };
}
