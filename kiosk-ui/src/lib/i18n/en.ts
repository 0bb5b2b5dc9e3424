/** English messages: exactly the keys of the Japanese dictionary (a missing or extra key does not compile). */
import type { Dictionary } from './types';

const kioskUnavailable =
  'This kiosk cannot issue certificates at the moment. Please use a kiosk in another store.';
const startAgain = 'Your request could not be completed. Please start again.';
const cardNotVerified =
  'The information on your card could not be verified. Please contact the municipal office that issued the card.';

export const en: Dictionary = {
  'app.title': 'COVID-19 Vaccination Certificate',
  'app.kiosk': 'Kiosk service',

  'common.cancel': 'Cancel',
  'common.back': 'Back',
  'common.next': 'Next',
  'common.yen': '¥{amount}',
  'common.copies': '{count}',
  'common.idleCountdown': 'Returning to the start screen in {seconds} s',
  'common.errorGeneric': 'That did not work.',
  'common.agentUnreachable': 'The kiosk is not ready. Please wait a moment and try again.',

  'preparing.title': 'Preparing',
  'preparing.body': 'Please wait a moment.',

  'idle.lead': 'Get your vaccination certificate with your My Number card',
  'idle.need': 'You need your My Number card and its 4-digit PIN',
  'idle.start': 'Get a certificate',
  'idle.language': 'Language',

  'insertCard.title': 'Place your My Number card on the reader',
  'insertCard.body': 'Put the card face up on the card reader.',
  'insertCard.note': 'Leave it there until the screen asks you to take it.',
  'insertCard.illustration': 'A card being placed on the card reader',

  'pin.title': 'Enter your PIN',
  'pin.body': 'The 4-digit PIN for the card’s text information (券面事項入力補助用).',
  'pin.triesLeft': 'Attempts left: {count}',
  'pin.lastAttemptWrong': 'That PIN was wrong. Please enter it again.',
  'pin.lastTry':
    'If the next PIN is wrong, it will be locked and you will need to visit your municipal office.',
  'pin.onReaderKeypad': 'Please type your PIN on the buttons of the card reader.',
  'pin.entered': '{count} of 4 digits entered',
  'pin.clear': 'Clear all',
  'pin.delete': 'Delete one',
  'pin.ok': 'OK',

  'reading.title': 'Reading your card',
  'reading.body': 'Please do not move the card.',

  'menu.title': 'Checking where you can apply',
  'menu.body': 'Please wait a moment.',

  'choose.title': 'Choose the municipality to apply to',
  'choose.body': 'Choose the municipality where you were registered as a resident when you were vaccinated.',
  'choose.feePerCopy': '{fee} per copy',
  'choose.none': 'No municipality can issue certificates right now.',

  'closed.hours': 'Outside service hours.',
  'closed.newYear': 'Closed for the New Year holidays.',
  'closed.closureDate': 'Closed today.',
  'closed.maintenance': 'Closed for system maintenance.',
  'closed.unknown': 'Not available right now.',
  'closed.opensAt': 'Opens {when}',
  'closed.withOpening': '{reason} {opens}',
  'closed.date': '{weekday} {day} {month}, {hour}:{minute}',

  'options.title': 'Choose the type and the number of copies',
  'options.variant': 'Type of certificate',
  'options.copies': 'Copies',
  'options.fewer': 'One copy fewer',
  'options.more': 'One more copy',
  'options.otherMunicipality': 'Choose another municipality',

  'variant.domestic': 'For use in Japan',
  'variant.domestic.note': 'In Japanese.',
  'variant.overseas': 'For use abroad and in Japan',
  'variant.overseas.note':
    'In Japanese and English. Only if your passport details are already registered with the municipality.',

  'confirm.title': 'Please check your request',
  'confirm.municipality': 'Municipality',
  'confirm.variant': 'Type',
  'confirm.copies': 'Copies',
  'confirm.fee': 'Fee',
  'confirm.ok': 'Issue the certificate',

  'issuing.title': 'Preparing your certificate',
  'issuing.body': 'Asking the certificate centre. Leave your card on the reader and please wait.',

  'payment.title': 'Please pay the fee',
  'payment.body': 'Insert coins or notes.',
  'payment.due': 'Fee',
  'payment.inserted': 'Inserted',
  'payment.remaining': 'Still to pay',
  'payment.change': 'Change',
  'payment.takeChange': 'Please take your change.',
  'payment.cancelNote': 'Press “Cancel” to get back all the money you inserted.',

  'printing.title': 'Printing your certificate',
  'printing.body': 'Please wait until printing is finished.',

  'takeCard.title': 'Please take your card',
  'takeCard.printed': 'Your certificate has been printed. Take your card to continue.',
  'takeCard.body': 'Take your card to continue.',
  'takeCard.illustration': 'A card being taken from the card reader',

  'takeCertificate.title': 'Please take your certificate',
  'takeCertificate.body': 'Take the printed certificate and your receipt. Please do not leave them behind.',
  'takeCertificate.bodyNoReceipt': 'Take the printed certificate. Please do not leave it behind.',
  'takeCertificate.done': 'I have it',
  'takeCertificate.illustration': 'A certificate coming out of the printer',

  'failed.title': 'The certificate could not be issued',
  'failed.takeCard': 'Please take your card from the card reader.',
  'failed.restart': 'Back to start',
  'failed.printNoPaper': 'The printer ran out of paper, so your certificate could not be printed.',
  'failed.printJam': 'The paper jammed in the printer, so your certificate could not be printed.',
  'failed.printCoverOpen': 'The printer cover is open, so your certificate could not be printed.',
  'failed.printOffline': 'The printer cannot be reached, so your certificate could not be printed.',
  'failed.printTimeout': 'The printer did not respond, so your certificate could not be printed.',
  'failed.paymentCancelled': 'The payment was cancelled.',
  'failed.refunded': 'The {amount} you paid has been returned. Please do not forget to take it.',
  'failed.noFee': 'No fee is charged.',
  'failed.refundFailed': 'Your money could not be returned automatically. Please ask the staff.',

  'receipt.failed':
    'The receipt could not be printed. Your certificate is valid. Please ask the staff if you need a receipt.',

  'error.request_invalid': startAgain,
  'error.content_digest_mismatch': startAgain,
  'error.not_found': startAgain,
  'error.internal_error': 'A problem occurred at the certificate centre. Please try again later.',
  'error.line_client_cert_required': kioskUnavailable,
  'error.line_signature_missing': kioskUnavailable,
  'error.line_signature_invalid': kioskUnavailable,
  'error.line_signature_stale': kioskUnavailable,
  'error.line_replay': 'There was a communication problem. Please try again.',
  'error.line_kiosk_unknown': kioskUnavailable,
  'error.line_kiosk_suspended':
    'This kiosk is out of service at the moment. Please use a kiosk in another store.',
  'error.line_kiosk_revoked': kioskUnavailable,
  'error.line_rate_limited': 'The service is busy. Please try again in a little while.',
  'error.card_data_malformed': cardNotVerified,
  'error.card_issuer_unknown': cardNotVerified,
  'error.card_certificate_invalid': cardNotVerified,
  'error.card_signature_invalid': cardNotVerified,
  'error.card_digest_mismatch': cardNotVerified,
  'error.municipality_not_participating':
    'The chosen municipality does not issue vaccination certificates at kiosks. Please apply at its office.',
  'error.municipality_closed':
    'Kiosk issuance for the chosen municipality is closed now. Please try again during its opening hours.',
  'error.variant_not_offered': 'The chosen municipality does not issue this type of certificate at kiosks.',
  'error.record_not_found':
    'No vaccination record was found in the chosen municipality. Please check that you chose the municipality where you were registered when you were vaccinated.',
  'error.resident_deceased':
    'This certificate cannot be issued at a kiosk. Please contact the municipal office.',
  'error.no_doses': 'No vaccination record was found. Please contact the municipal office.',
  'error.passport_data_missing':
    'For the certificate for use abroad, your passport details must first be registered at the municipal office. The certificate for use in Japan can be issued here.',
  'error.record_store_unavailable': 'The municipality’s system did not answer. Please try again later.',
  'error.issuance_not_found': startAgain,
  'error.issuance_already_final': startAgain,
  'error.idempotency_conflict': startAgain,
  'error.name_not_printable':
    'Your name contains a character this kiosk cannot print. Please ask your municipality office to issue the certificate.',
  'error.certificate_compose_failed': 'The certificate could not be created. Please try again later.',
  'error.agent_origin_refused': kioskUnavailable,
  'error.intent_not_allowed': 'That is not possible right now.',
  'error.card_not_present': 'No card is on the reader. Please place your card on the card reader.',
  'error.card_pin_wrong': 'The PIN is wrong.',
  'error.card_pin_blocked': 'The PIN is locked. Please have it reset at your municipal office.',
  'error.card_read_failed': 'Your card could not be read. Please take it and place it on the reader again.',
  'error.card_unsupported': 'This card cannot be used. Please place your My Number card on the card reader.',
  'error.line_unreachable': 'The kiosk cannot reach the certificate centre. Please try again later.',
  'error.print_failed': 'The certificate could not be printed. No fee is charged.',
  'error.payment_failed': 'The payment could not be completed. Any money you inserted is returned.',
  'error.session_timeout': 'The session ended because nothing happened for a while.',
};
