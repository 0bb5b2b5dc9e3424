import { ERROR_CODES, messageKeyOf } from '@kiosk/protocol';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { dictionaries, placeholdersOf, pickLocalized, translate, translateKey, UI_LANGUAGES } from './index';
import { ja } from './ja';

const keysOf = (dictionary: object): string[] => Object.keys(dictionary).sort();

describe('dictionaries', () => {
  it('ja and en have exactly the same keys', () => {
    expect(keysOf(en)).toEqual(keysOf(ja));
  });

  it('every protocol error code has a translation in every language', () => {
    for (const [language, dictionary] of Object.entries(dictionaries)) {
      for (const code of ERROR_CODES) {
        const key = messageKeyOf(code);
        expect(Object.hasOwn(dictionary, key), `${language} lacks ${key}`).toBe(true);
      }
    }
  });

  it('no message is empty and every language uses the same placeholders', () => {
    for (const key of keysOf(ja) as (keyof typeof ja)[]) {
      expect(ja[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholdersOf(en[key]), key).toEqual(placeholdersOf(ja[key]));
    }
  });

  it('every language offered on the start screen has a dictionary', () => {
    for (const { code } of UI_LANGUAGES) expect(dictionaries[code], code).toBeDefined();
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('ja', 'pin.triesLeft', { count: 2 })).toBe('入力できる残り回数：2回');
    expect(translate('en', 'common.yen', { amount: '1,200' })).toBe('¥1,200');
  });

  it('shows a language without a dictionary yet in English', () => {
    expect(translate('ko', 'common.cancel')).toBe(en['common.cancel']);
    expect(pickLocalized({ ja: '中央区', en: 'Chuo City' }, 'zh')).toBe('Chuo City');
  });

  it('replaces an unknown key from the agent with the fallback', () => {
    expect(translateKey('ja', 'error.something_new', 'common.errorGeneric')).toBe(ja['common.errorGeneric']);
    expect(translateKey('en', 'error.card_pin_blocked', 'common.errorGeneric')).toBe(
      en['error.card_pin_blocked'],
    );
  });
});
