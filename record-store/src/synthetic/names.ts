/** Common Japanese names with their readings, enough for plausible synthetic residents. */

type NameAndReading = readonly [string, string];

export const FAMILY_NAMES: readonly NameAndReading[] = [
  ['佐藤', 'サトウ'],
  ['鈴木', 'スズキ'],
  ['高橋', 'タカハシ'],
  ['田中', 'タナカ'],
  ['伊藤', 'イトウ'],
  ['渡辺', 'ワタナベ'],
  ['山本', 'ヤマモト'],
  ['中村', 'ナカムラ'],
  ['小林', 'コバヤシ'],
  ['加藤', 'カトウ'],
  ['吉田', 'ヨシダ'],
  ['山田', 'ヤマダ'],
  ['佐々木', 'ササキ'],
  ['山口', 'ヤマグチ'],
  ['松本', 'マツモト'],
  ['井上', 'イノウエ'],
];

export const GIVEN_NAMES: Record<'male' | 'female', readonly NameAndReading[]> = {
  male: [
    ['翔太', 'ショウタ'],
    ['大輔', 'ダイスケ'],
    ['健一', 'ケンイチ'],
    ['蓮', 'レン'],
    ['誠', 'マコト'],
    ['浩', 'ヒロシ'],
    ['悠真', 'ユウマ'],
    ['隆', 'タカシ'],
  ],
  female: [
    ['陽菜', 'ヒナ'],
    ['美咲', 'ミサキ'],
    ['由美', 'ユミ'],
    ['恵子', 'ケイコ'],
    ['結衣', 'ユイ'],
    ['直子', 'ナオコ'],
    ['さくら', 'サクラ'],
    ['花子', 'ハナコ'],
  ],
};

export const PRODUCTS = [
  { product: 'コミナティ筋注', manufacturer: 'ファイザー社', lot: 'FA' },
  { product: 'スパイクバックス筋注', manufacturer: 'モデルナ社', lot: 'MD' },
] as const;
