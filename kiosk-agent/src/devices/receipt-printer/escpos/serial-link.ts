/**
 * The byte pipe to the printer. `serialPortLink` opens it with the npm `serialport` package; tests of the driver's
 * own logic pass an in-memory link instead (the same seam as the card reader's PC/SC library).
 */
import { err, ok, type Result } from '@kiosk/protocol';
import { SerialPort } from 'serialport';

export interface SerialLink {
  /** Resolves once the bytes have left the computer (written and drained), or with why they could not. */
  write(bytes: Uint8Array): Promise<Result<void, string>>;
  onData(listener: (chunk: Uint8Array) => void): void;
  /** The link is gone (unplugged, closed): the driver opens a new one on its next poll. */
  onClose(listener: (reason: string) => void): void;
  close(): Promise<void>;
}

export type OpenLink = () => Promise<Result<SerialLink, string>>;

export interface SerialSettings {
  /** `/dev/ttyS0`, `/dev/ttyUSB0`, or a stable `/dev/serial/by-id/…` link. */
  readonly path: string;
  readonly baudRate: number;
  /** Hardware flow control (RTS/CTS); set the printer's DIP switches to match. */
  readonly rtscts?: boolean;
}

/** Opens the serial port 8N1 as Epson printers ship (baud rate and flow control from the printer's switches). */
export function serialPortLink(settings: SerialSettings): OpenLink {
  return () =>
    new Promise((resolve) => {
      const port = new SerialPort({
        path: settings.path,
        baudRate: settings.baudRate,
        rtscts: settings.rtscts ?? false,
        autoOpen: false,
      });
      port.open((error) => resolve(error ? err(error.message) : ok(wrap(port))));
    });
}

function wrap(port: SerialPort): SerialLink {
  return {
    write: (bytes) =>
      new Promise((resolve) => {
        port.write(Buffer.from(bytes), (error) => {
          if (error) resolve(err(error.message));
          else port.drain((drainError) => resolve(drainError ? err(drainError.message) : ok(undefined)));
        });
      }),
    onData: (listener) => port.on('data', (chunk: Buffer) => listener(chunk)),
    onClose: (listener) => {
      port.on('close', () => listener('port closed'));
      port.on('error', (error: Error) => listener(error.message));
    },
    close: () =>
      new Promise((resolve) => {
        if (!port.isOpen) resolve();
        else port.close(() => resolve());
      }),
  };
}
