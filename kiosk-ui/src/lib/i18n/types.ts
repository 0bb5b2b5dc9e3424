import type { ErrorCode } from '@kiosk/protocol';
import type { ja } from './ja';

/** The key the agent sends for an error code (protocol `messageKeyOf`): `error.<code in lower case>`. */
export type ErrorMessageKey = `error.${Lowercase<ErrorCode>}`;

/** Japanese is the reference dictionary: its keys are the keys every other language must provide. */
export type MessageKey = keyof typeof ja;

/** Every language's dictionary: a missing or unknown key is a compile error. */
export type Dictionary = Readonly<Record<MessageKey, string>>;

/** Named values substituted for `{name}` in a message. */
export type MessageParams = Readonly<Record<string, string | number>>;
