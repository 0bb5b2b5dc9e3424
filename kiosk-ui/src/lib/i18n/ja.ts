/**
 * Japanese messages, the reference dictionary: other languages must have exactly these keys.
 * `{name}` is replaced by a value at display time. Error keys follow the protocol: `error.<code in lower case>`.
 */
import type { ErrorMessageKey } from './types';

const kioskUnavailable =
  'この端末では現在、証明書を発行できません。恐れ入りますが、他の店舗の端末をご利用ください。';
const startAgain = 'お手続きを完了できませんでした。恐れ入りますが、最初からやり直してください。';
const cardNotVerified =
  'このカードの情報を確認できませんでした。カードを交付した市区町村の窓口にお問い合わせください。';

export const ja = {
  'app.title': '新型コロナワクチン接種証明書',
  'app.kiosk': 'コンビニ交付',

  'common.cancel': 'やめる',
  'common.back': 'もどる',
  'common.next': '次へ',
  'common.yen': '{amount}円',
  'common.copies': '{count}通',
  'common.idleCountdown': 'あと {seconds} 秒で最初の画面に戻ります',
  'common.errorGeneric': 'この操作はできませんでした。',
  'common.agentUnreachable': '端末の準備ができていません。少し待ってからもう一度お試しください。',

  'preparing.title': '準備中',
  'preparing.body': 'しばらくお待ちください。',

  'idle.lead': 'マイナンバーカードで接種証明書を発行できます',
  'idle.need': 'マイナンバーカードと、暗証番号(数字4桁)が必要です',
  'idle.start': '証明書を発行する',
  'idle.language': '表示言語',

  'insertCard.title': 'マイナンバーカードを置いてください',
  'insertCard.body': 'カードの表面を上にして、カード読み取り機に置いてください。',
  'insertCard.note': '「カードをお取りください」と表示されるまで、カードは置いたままにしてください。',
  'insertCard.illustration': 'カード読み取り機にカードを置く図',

  'pin.title': '暗証番号を入力してください',
  'pin.body': '券面事項入力補助用の暗証番号(数字4桁)です。',
  'pin.triesLeft': '入力できる残り回数：{count}回',
  'pin.lastAttemptWrong': '暗証番号が違います。もう一度入力してください。',
  'pin.lastTry': '次に間違えると暗証番号がロックされ、市区町村の窓口での手続きが必要になります。',
  'pin.onReaderKeypad': 'カード読み取り機のボタンで暗証番号を入力してください。',
  'pin.entered': '{count}桁入力済み(4桁中)',
  'pin.clear': 'すべて消す',
  'pin.delete': '1つ消す',
  'pin.ok': '決定',

  'reading.title': 'カードを読み取っています',
  'reading.body': 'カードを動かさずに、そのままお待ちください。',

  'menu.title': '申請できる市区町村を確認しています',
  'menu.body': 'しばらくお待ちください。',

  'choose.title': '申請先の市区町村を選んでください',
  'choose.body': '接種を受けたときに住民登録をしていた市区町村を選んでください。',
  'choose.feePerCopy': '1通 {fee}',
  'choose.none': '現在、申請できる市区町村はありません。',

  'closed.hours': '受付時間外です。',
  'closed.newYear': '年末年始のため、受付を休止しています。',
  'closed.closureDate': '本日は休止日のため、受付を行っていません。',
  'closed.maintenance': 'システムメンテナンスのため、受付を休止しています。',
  'closed.unknown': '現在、受付を休止しています。',
  'closed.opensAt': '{when}から利用できます',
  'closed.withOpening': '{reason}{opens}',
  'closed.date': '{month}月{day}日({weekday}) {hour}:{minute}',

  'options.title': '証明書の種類と部数を選んでください',
  'options.variant': '証明書の種類',
  'options.copies': '部数',
  'options.fewer': '1通減らす',
  'options.more': '1通増やす',
  'options.otherMunicipality': '市区町村を選び直す',

  'variant.domestic': '日本国内用',
  'variant.domestic.note': '日本語の証明書です。',
  'variant.overseas': '海外用及び日本国内用',
  'variant.overseas.note':
    '日本語と英語の証明書です。旅券(パスポート)情報の登録が済んでいる方のみ発行できます。',

  'confirm.title': '内容を確認してください',
  'confirm.municipality': '申請先',
  'confirm.variant': '種類',
  'confirm.copies': '部数',
  'confirm.fee': '手数料',
  'confirm.ok': 'この内容で発行する',

  'issuing.title': '証明書を作成しています',
  'issuing.body': 'センターに問い合わせています。カードは置いたまま、しばらくお待ちください。',

  'payment.title': '手数料をお支払いください',
  'payment.body': '硬貨またはお札を入れてください。',
  'payment.due': '手数料',
  'payment.inserted': '投入金額',
  'payment.remaining': '残り',
  'payment.change': 'おつり',
  'payment.takeChange': 'おつりをお取りください。',
  'payment.cancelNote': '「やめる」を押すと、投入したお金はすべて返却されます。',

  'printing.title': '証明書を印刷しています',
  'printing.body': '印刷が終わるまで、しばらくお待ちください。',

  'takeCard.title': 'カードをお取りください',
  'takeCard.printed': '証明書の印刷が終わりました。カードを取ると次に進みます。',
  'takeCard.body': 'カードを取ると次に進みます。',
  'takeCard.illustration': 'カード読み取り機からカードを取る図',

  'takeCertificate.title': '証明書をお取りください',
  'takeCertificate.body': '印刷された証明書とレシートを、取り忘れのないようお受け取りください。',
  'takeCertificate.bodyNoReceipt': '印刷された証明書を、取り忘れのないようお受け取りください。',
  'takeCertificate.done': '受け取りました',
  'takeCertificate.illustration': 'プリンターから証明書を取る図',

  'failed.title': '証明書を発行できませんでした',
  'failed.takeCard': 'カード読み取り機からカードをお取りください。',
  'failed.restart': '最初の画面に戻る',
  'failed.printNoPaper': 'プリンターの用紙がなくなったため、証明書を印刷できませんでした。',
  'failed.printJam': 'プリンターで紙づまりが起きたため、証明書を印刷できませんでした。',
  'failed.printCoverOpen': 'プリンターのカバーが開いているため、証明書を印刷できませんでした。',
  'failed.printOffline': 'プリンターに接続できないため、証明書を印刷できませんでした。',
  'failed.printTimeout': 'プリンターから応答がなかったため、証明書を印刷できませんでした。',
  'failed.paymentCancelled': 'お支払いを取り消しました。',
  'failed.refunded': 'お支払いいただいた{amount}は返却しました。お取り忘れのないようご注意ください。',
  'failed.noFee': '手数料はかかりません。',
  'failed.refundFailed': 'お金を返却できませんでした。お手数ですが、店員にお知らせください。',

  'receipt.failed':
    'レシート(領収書)を印刷できませんでした。証明書は有効です。レシートが必要な方は店員にお申し出ください。',

  'error.request_invalid': startAgain,
  'error.content_digest_mismatch': startAgain,
  'error.not_found': startAgain,
  'error.internal_error': 'センターで問題が発生しました。しばらくしてから、もう一度お試しください。',
  'error.line_client_cert_required': kioskUnavailable,
  'error.line_signature_missing': kioskUnavailable,
  'error.line_signature_invalid': kioskUnavailable,
  'error.line_signature_stale': kioskUnavailable,
  'error.line_replay': '通信に問題がありました。もう一度お試しください。',
  'error.line_kiosk_unknown': kioskUnavailable,
  'error.line_kiosk_suspended':
    'この端末は現在、停止中です。恐れ入りますが、他の店舗の端末をご利用ください。',
  'error.line_kiosk_revoked': kioskUnavailable,
  'error.line_rate_limited': 'ただいま混み合っています。しばらくしてから、もう一度お試しください。',
  'error.card_data_malformed': cardNotVerified,
  'error.card_issuer_unknown': cardNotVerified,
  'error.card_certificate_invalid': cardNotVerified,
  'error.card_signature_invalid': cardNotVerified,
  'error.card_digest_mismatch': cardNotVerified,
  'error.municipality_not_participating':
    '選んだ市区町村は、コンビニでの接種証明書の発行を行っていません。市区町村の窓口でお申し込みください。',
  'error.municipality_closed': '選んだ市区町村は、現在受付時間外です。受付時間内にもう一度お試しください。',
  'error.variant_not_offered': '選んだ市区町村では、この種類の証明書をコンビニで発行していません。',
  'error.record_not_found':
    '選んだ市区町村に接種記録が見つかりませんでした。接種を受けたときに住民登録をしていた市区町村を選んでいるか、ご確認ください。',
  'error.resident_deceased': 'この証明書はコンビニでは発行できません。市区町村の窓口にお問い合わせください。',
  'error.no_doses': '接種記録が見つかりませんでした。市区町村の窓口にお問い合わせください。',
  'error.passport_data_missing':
    '海外用の証明書には、市区町村の窓口での旅券(パスポート)情報の登録が先に必要です。日本国内用はこの端末で発行できます。',
  'error.record_store_unavailable':
    '市区町村のシステムに接続できませんでした。しばらくしてから、もう一度お試しください。',
  'error.issuance_not_found': startAgain,
  'error.issuance_already_final': startAgain,
  'error.idempotency_conflict': startAgain,
  'error.name_not_printable':
    'お名前に、この端末では印刷できない文字が含まれています。市区町村の窓口で発行を受けてください。',
  'error.certificate_compose_failed':
    '証明書を作成できませんでした。しばらくしてから、もう一度お試しください。',
  'error.agent_origin_refused': kioskUnavailable,
  'error.intent_not_allowed': 'この操作は、今はできません。',
  'error.card_not_present': 'カードが置かれていません。カードを読み取り機に置いてください。',
  'error.card_pin_wrong': '暗証番号が違います。',
  'error.card_pin_blocked':
    '暗証番号がロックされています。お住まいの市区町村の窓口で、暗証番号の再設定を行ってください。',
  'error.card_read_failed': 'カードを読み取れませんでした。カードを取り、もう一度置き直してください。',
  'error.card_unsupported': 'このカードは使えません。マイナンバーカードを読み取り機に置いてください。',
  'error.line_unreachable': 'センターに接続できませんでした。しばらくしてから、もう一度お試しください。',
  'error.print_failed': '証明書を印刷できませんでした。手数料はかかりません。',
  'error.payment_failed': 'お支払いを受け付けられませんでした。投入されたお金は返却されます。',
  'error.session_timeout': 'しばらく操作がなかったため、手続きを終了しました。',
} satisfies Record<ErrorMessageKey, string> & Record<string, string>;
