/**
 * Translation. Dictionaries are plain objects keyed alike; a language without a dictionary yet (zh, ko) falls back
 * to English, which more visitors read than Japanese. Adding one is a new file plus one line in DICTIONARIES.
 */
import type { Language, Localized } from '@kiosk/protocol';
import { en } from './en';
import { ja } from './ja';
import type { Dictionary, MessageKey, MessageParams } from './types';

export type { Dictionary, ErrorMessageKey, MessageKey, MessageParams } from './types';

const DICTIONARIES: Partial<Record<Language, Dictionary>> = { ja, en };
const FALLBACK: Language = 'en';

/** Languages offered on the start screen, each named in itself. */
export const UI_LANGUAGES = [
  { code: 'ja', name: '日本語' },
  { code: 'en', name: 'English' },
] as const satisfies readonly { code: Language; name: string }[];

/** The language the screen is actually shown in (what `lang` must say). */
export function displayLanguage(language: Language): Language {
  return DICTIONARIES[language] ? language : FALLBACK;
}

function dictionary(language: Language): Dictionary {
  return DICTIONARIES[language] ?? en;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(ja, key);
}

export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const text = dictionary(language)[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

/** For keys that come from the agent: an unknown key shows `fallback` rather than the raw key. */
export function translateKey(language: Language, key: string, fallback: MessageKey): string {
  return translate(language, isMessageKey(key) ? key : fallback);
}

/** Names the centre sends in both languages; other languages read the English one. */
export function pickLocalized(text: Localized, language: Language): string {
  return displayLanguage(language) === 'ja' ? text.ja : text.en;
}

export function formatYen(amount: number, language: Language): string {
  return translate(language, 'common.yen', { amount: amount.toLocaleString('ja-JP') });
}

/** The `{name}` placeholders of a message, sorted: every language must use the same ones. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

export const dictionaries: Readonly<Partial<Record<Language, Dictionary>>> = DICTIONARIES;
