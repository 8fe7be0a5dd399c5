import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Writable } from 'node:stream';

const LEVEL_NAMES: Record<number, string> = { 40: 'warn', 50: 'error', 60: 'fatal' };

/**
 * Where logs go while someone types at the console: every JSON line to a file, and only warnings and
 * errors to the terminal, as one short readable line, so the prompt is not buried in JSON.
 */
export function interactiveLogStream(file: string, terminal: NodeJS.WritableStream = process.stderr): Writable {
  mkdirSync(dirname(file), { recursive: true });
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      const text = chunk.toString();
      appendFileSync(file, text);
      for (const line of text.split('\n').filter(Boolean)) {
        try {
          const entry = JSON.parse(line) as { level?: number; msg?: string };
          const name = LEVEL_NAMES[entry.level ?? 0];
          if (name) terminal.write(`[${name}] ${entry.msg ?? ''} (details in ${file})\n`);
        } catch {
          // Not JSON: it is still in the file.
        }
      }
      done();
    },
  });
}
