// The one door to @peculiar/x509: its dependency injection needs a Reflect polyfill loaded before it, and it
// needs to be told to use node's WebCrypto. Import x509 from here, never from the package directly.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto);

export { x509 };
