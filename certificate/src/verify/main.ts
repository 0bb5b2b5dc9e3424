/** Entry point of `npm run verify`. npm runs scripts from the repository root; paths are meant from where it was typed. */
import { main } from './cli.js';

const typedIn = process.env['INIT_CWD'];
if (typedIn) process.chdir(typedIn);
process.exitCode = await main(process.argv.slice(2));
