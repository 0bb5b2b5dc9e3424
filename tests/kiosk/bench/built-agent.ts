/**
 * The agent as a kiosk PC runs it: plain Node on JavaScript built from the sources, with no TypeScript loader in
 * the process, whose own thread, caches and source maps would otherwise be counted in the agent's RSS. Each source
 * file is transpiled on its own (the sources use verbatimModuleSyntax, so this is what `tsc` emits, without
 * declarations and maps) into a temp copy of the repository's layout: `<dir>/<workspace>/dist/…`, the workspaces
 * linked under `<dir>/node_modules/@kiosk`, every other package linked to the repository's own.
 */
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The agent and the workspaces it imports, at run time. */
const WORKSPACES = ['protocol', 'certs', 'record-store', 'kiosk-agent'] as const;

const COMPILER_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  target: ts.ScriptTarget.ES2023,
  verbatimModuleSyntax: true,
  sourceMap: false,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name));
}

function link(target: string, at: string): void {
  mkdirSync(dirname(at), { recursive: true });
  symlinkSync(target, at);
}

function transpile(file: string, out: string): void {
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: COMPILER_OPTIONS,
    fileName: file,
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, outputText);
}

export interface BuiltAgent {
  /** The agent's main script, for `node`. */
  readonly main: string;
  /** The bench's gc probe (gc-probe.ts), built beside it for `node --import`. */
  readonly gcProbe: string;
}

/** Builds the agent under `dir`. */
export function buildAgent(dir: string): BuiltAgent {
  for (const workspace of WORKSPACES) {
    const from = join(REPO_ROOT, workspace);
    const to = join(dir, workspace);
    for (const file of sourceFiles(join(from, 'src')))
      transpile(file, join(to, 'dist', relative(join(from, 'src'), file)).replace(/\.ts$/, '.js'));
    // Its exports map already points at dist/ outside the `source` condition.
    writeFileSync(join(to, 'package.json'), readFileSync(join(from, 'package.json')));
    link(to, join(dir, 'node_modules', '@kiosk', workspace));
    const own = join(from, 'node_modules');
    if (safeList(own).length > 0) link(own, join(to, 'node_modules'));
  }
  for (const name of safeList(join(REPO_ROOT, 'node_modules')))
    if (name !== '@kiosk' && name !== '.bin')
      link(join(REPO_ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  // The agent serves the built kiosk UI from ../../kiosk-ui/dist, as in the repository.
  link(join(REPO_ROOT, 'kiosk-ui'), join(dir, 'kiosk-ui'));
  const gcProbe = join(dir, 'gc-probe.js');
  transpile(fileURLToPath(new URL('./gc-probe.ts', import.meta.url)), gcProbe);
  return { main: join(dir, 'kiosk-agent', 'dist', 'main.js'), gcProbe };
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
