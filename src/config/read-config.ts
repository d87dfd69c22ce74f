import path from 'node:path';
import { SeamsError } from '../base/errors.js';
import { MAX_CONFIG_SIZE, readRequiredText } from '../base/read-file-safely.js';
import { checkConfigFile } from './validate-input.js';

/**
 * seams.config.json: project settings kept in the repository (JSON only; nothing is executed).
 * Its JSON Schema, schema/config.schema.json, is generated from the option table (options.ts).
 */
export interface ConfigFile {
  include?: string[];
  exclude?: string[];
  kernel?: 'auto' | 'none' | string[];
  shell?: 'auto' | 'none' | string[];
  services?: Record<string, string[]>;
  resolution?: number | 'auto';
  granularity?: string;
  seed?: number;
  weights?: {
    runtime?: number;
    type?: number;
    dynamic?: number;
    semantic?: number;
    stem?: number;
    change?: number;
    data?: number;
    event?: number;
    member?: number;
  };
  git?: { enabled?: boolean; since?: string; maxFilesPerCommit?: number };
  maxFileSize?: number | string;
  refine?: boolean;
}

/**
 * Reads a config file and checks it against schema/config.schema.json; `given` false means the default location, which may be absent.
 * A config that is there but cannot be read (a folder, a FIFO, over 10 MB; at the default location
 * also a link out of the analysed folder) is an error with its own code.
 */
export function readConfig(file: string, display: string, given: boolean): ConfigFile {
  const hint = 'seams.config.json must be a readable regular file: replace it, or pass another with --config';
  const text = readRequiredText(file, display, {
    root: given ? null : path.dirname(file),
    maxBytes: MAX_CONFIG_SIZE,
    hint,
  });
  if (text === null) {
    if (!given) return {};
    throw new SeamsError(
      'CONFIG_INVALID',
      `${display}: config file not found`,
      'pass an existing seams.config.json with --config, or omit --config',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(stripByteOrderMark(text));
  } catch (error) {
    throw new SeamsError(
      'CONFIG_INVALID',
      `${display}: not valid JSON (${(error as Error).message})`,
      'seams.config.json is plain JSON, e.g. {"services": {"billing": ["src/billing/**"]}}',
    );
  }
  checkConfigFile(parsed, display);
  return parsed as ConfigFile;
}

/** JSON.parse rejects a leading U+FEFF; editors on Windows write one. */
function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The default config file of a root. */
export function defaultConfigPath(root: string): string {
  return path.join(root, 'seams.config.json');
}
