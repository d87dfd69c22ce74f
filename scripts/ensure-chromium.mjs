#!/usr/bin/env node
// Makes sure Chromium is installed before `npm test`: the HTML report's browser test drives
// Debian's /usr/bin/chromium with playwright-core and is never skipped. Installs it with apt-get
// when running as root on Debian; otherwise says how to install it and fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y --no-install-recommends chromium';

if (existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (isRoot && hasApt) {
  console.error(`ensure-chromium: ${CHROMIUM} not found; installing it: ${INSTALL}`);
  const result = spawnSync('sh', ['-c', INSTALL], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  process.exit(result.status ?? 1);
}

console.error(
  `ensure-chromium: ${CHROMIUM} is missing and the browser test needs it; install it as root with: ${INSTALL}`,
);
process.exit(1);
