import { describe, expect, it } from 'vitest';
import { vaccineCodes } from './vaccines.js';

const code = (product: string, manufacturer = '') => vaccineCodes({ product, manufacturer });

describe('vaccine products as municipalities recorded them → CVX and English brand', () => {
  it.each([
    ['コミナティ筋注', 'ファイザー社', '208', 'Comirnaty'],
    ['コミナティ筋注５～１１歳用', 'ファイザー社', '218', 'Comirnaty'],
    ['コミナティ筋注6ヵ月～4歳用', 'ファイザー社', '219', 'Comirnaty'],
    ['コミナティRTU筋注（2価：起源株/オミクロン株BA.4-5）', 'ファイザー社', '300', 'Comirnaty Bivalent'],
    [
      'コミナティ筋注5～11歳用（2価：起源株/オミクロン株BA.4-5）',
      'ファイザー社',
      '301',
      'Comirnaty Bivalent',
    ],
    ['スパイクバックス筋注', '武田/モデルナ社', '207', 'Spikevax'],
    ['スパイクバックス筋注（2価：起源株/オミクロン株BA.1）', 'モデルナ社', '229', 'Spikevax Bivalent'],
    ['バキスゼブリア筋注', 'アストラゼネカ社', '210', 'Vaxzevria'],
    ['ヌバキソビッド筋注', '武田薬品工業', '211', 'Nuvaxovid'],
    ['ジェコビデン筋注', 'ヤンセンファーマ', '212', 'Jcovden'],
  ])('%s (%s) → CVX %s, %s', (product, manufacturer, cvx, nameEn) => {
    expect(code(product, manufacturer)).toEqual({ cvx, nameEn });
  });

  it('falls back to the manufacturer when the product name is not known, Moderna before Takeda', () => {
    expect(code('新型コロナワクチン', 'ファイザー社').cvx).toBe('208');
    expect(code('新型コロナワクチン', '武田/モデルナ社').cvx).toBe('207');
    expect(code('新型コロナワクチン', '武田薬品工業').cvx).toBe('211');
  });

  it('is CVX 213 (unspecified formulation) when neither is known', () => {
    expect(code('新型コロナワクチン', '不明')).toEqual({ cvx: '213', nameEn: 'COVID-19 vaccine' });
  });
});
