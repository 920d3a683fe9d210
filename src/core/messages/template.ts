// Filling message templates: one function for the UI's and the CLI's catalogues and for the
// rules' own messages. Placeholders are written `{name}`.

export type Lang = 'ja' | 'en';

export type MessageParams = Record<string, string | number>;

/** The template with each `{name}` replaced by `params[name]`; a placeholder without a value stays as written. */
export function fillTemplate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/**
 * `translate(lang, key, params)` over a catalogue in both languages: the sentence for `key`
 * (the Japanese one when the language lacks it), filled.
 */
export function translator<K extends string>(catalogues: Record<Lang, Readonly<Record<K, string>>>): (lang: Lang, key: K, params?: MessageParams) => string {
  return (lang, key, params) => fillTemplate(catalogues[lang][key] ?? catalogues.ja[key], params);
}
