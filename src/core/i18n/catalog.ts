/** The languages every user-facing string exists in. */
export const LOCALES = ['zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return value === 'zh' || value === 'en';
}

/**
 * A feature's strings: English defines the keys, Chinese must have exactly the same ones (the type
 * makes a missing translation a compile error). Templates use `{name}` placeholders.
 */
export type Catalog<K extends string> = { en: Record<K, string>; zh: Record<K, string> };

export function defineMessages<const K extends string>(catalog: { en: Record<K, string>; zh: NoInfer<Record<K, string>> }): Catalog<K> {
  return catalog;
}

export type Params = Record<string, string | number>;

/** Fills `{name}` placeholders; an unknown placeholder is left visible so a bad template is noticed, not hidden. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

export function translate<K extends string>(catalog: Catalog<K>, locale: Locale, key: K, params?: Params): string {
  return fill(catalog[locale][key], params);
}
