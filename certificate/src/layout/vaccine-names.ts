/**
 * English names of the vaccines and makers as the record store holds them in Japanese (VRS 製品名 and メーカー),
 * printed beneath on the overseas variant for officials who do not read Japanese. Anything not listed prints as
 * recorded only.
 */
const PRODUCTS: Readonly<Record<string, string>> = {
  コミナティ筋注: 'Comirnaty',
  コミナティRTU筋注: 'Comirnaty RTU',
  'コミナティ筋注5〜11歳用': 'Comirnaty (5-11 years)',
  'コミナティ筋注6ヶ月〜4歳用': 'Comirnaty (6 months-4 years)',
  スパイクバックス筋注: 'Spikevax',
  バキスゼブリア筋注: 'Vaxzevria',
  ヌバキソビッド筋注: 'Nuvaxovid',
  ダイチロナ筋注: 'Daichirona',
  コスタイベ筋注用: 'Kostaive',
};

const MAKERS: Readonly<Record<string, string>> = {
  ファイザー社: 'Pfizer',
  モデルナ社: 'Moderna',
  アストラゼネカ社: 'AstraZeneca',
  武田薬品工業: 'Takeda',
  武田社: 'Takeda',
  第一三共: 'Daiichi Sankyo',
  'Meiji Seika ファルマ': 'Meiji Seika Pharma',
};

export const productInEnglish = (product: string): string | undefined => PRODUCTS[product];
export const makerInEnglish = (maker: string): string | undefined => MAKERS[maker];
