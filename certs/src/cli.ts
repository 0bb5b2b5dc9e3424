// Entry point of `npm run certs`.
import { USAGE, parseCliArgs } from './cli-args.js';
import { generateDevPki } from './generate.js';

try {
  const command = parseCliArgs(process.argv.slice(2));
  if (command.help) {
    console.log(USAGE);
  } else {
    await generateDevPki({ ...command.options, log: (line) => console.log(line) });
  }
} catch (e) {
  console.error(`certs: ${(e as Error).message}`);
  process.exitCode = 1;
}
