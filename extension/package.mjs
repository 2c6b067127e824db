// `npm run package:extension`: zips the built extension for Chrome and for Firefox into dist/packages/, after
// the Firefox build passes Mozilla's linter (web-ext lint). Run `npm run build` first (the npm script does).
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import webExt from 'web-ext';
import { EXTENSION_DIRS } from './assemble.mjs';

const root = join(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join(root, 'dist/packages');

/** Lints the Firefox build; returns the linter's findings, errors first. */
export async function lintFirefox() {
  const result = await webExt.cmd.lint(
    { sourceDir: join(root, EXTENSION_DIRS.firefox), output: 'json', selfHosted: true, warningsAsErrors: false, boring: true },
    { shouldExitProgram: false },
  );
  return { errors: result.errors, warnings: result.warnings, notices: result.notices };
}

async function zip(browser) {
  const sourceDir = join(root, EXTENSION_DIRS[browser]);
  if (!existsSync(join(sourceDir, 'manifest.json'))) throw new Error(`${sourceDir} has no manifest.json: run npm run build first`);
  const filename = `periscope-${browser}-${version}.zip`;
  await webExt.cmd.build({ sourceDir, artifactsDir: out, filename, overwriteDest: true, ignoreFiles: ['*.map'] }, { shouldExitProgram: false, showReadyMessage: false });
  return join(out, filename);
}

if (process.argv[1] === import.meta.filename) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const lint = await lintFirefox();
  for (const finding of [...lint.errors, ...lint.warnings]) console.log(`web-ext lint ${finding._type}: ${finding.code} ${finding.file ?? ''} ${finding.message}`);
  if (lint.errors.length > 0) {
    console.error(`the Firefox build has ${lint.errors.length} web-ext lint errors; nothing was packaged`);
    process.exit(1);
  }
  for (const browser of ['chrome', 'firefox']) console.log(`packaged ${await zip(browser)}`);
}
