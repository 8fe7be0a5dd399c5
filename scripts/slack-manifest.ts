import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILES, manifestJson, PLACEHOLDER_REQUEST_URL, slackManifest } from '../src/adapters/slack/slack-manifest.js';

/**
 * `npm run slack:manifest`: writes the two committed manifests, for HTTP mode (slack-app-manifest.json,
 * request URLs at a placeholder host) and for Socket Mode (slack-app-manifest.socket-mode.json).
 * `npm run slack:manifest -- --url https://your.host/slack/events` prints the HTTP one for your host
 * instead, ready to paste; `--socket-mode` prints the Socket Mode one.
 */
function main(args: string[]): number {
  const urlAt = args.indexOf('--url');
  const url = urlAt >= 0 ? args[urlAt + 1] : undefined;
  if (urlAt >= 0 && !url?.startsWith('https://')) {
    process.stderr.write(`--url needs your public https URL, e.g. ${PLACEHOLDER_REQUEST_URL}\n`);
    return 1;
  }
  if (url || args.includes('--socket-mode')) {
    process.stdout.write(manifestJson(slackManifest({ socketMode: !url, requestUrl: url })));
    return 0;
  }
  const root = join(import.meta.dirname, '..');
  writeFileSync(join(root, MANIFEST_FILES.http), manifestJson(slackManifest({ socketMode: false })));
  writeFileSync(join(root, MANIFEST_FILES.socketMode), manifestJson(slackManifest({ socketMode: true })));
  process.stdout.write(
    `Wrote ${MANIFEST_FILES.http} (HTTP, request URLs at ${PLACEHOLDER_REQUEST_URL}) and ${MANIFEST_FILES.socketMode}.\n`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
