// Runs a Node.js CLI script in this process and reports its wall time and peak RSS on stderr as
// one JSON line prefixed "@@measure ". Usage: node bench/measure.mjs <script> [args...]
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const started = process.hrtime.bigint();
process.on('exit', () => {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stderr.write(`\n@@measure ${JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
});
const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], script, ...args];
await import(pathToFileURL(path.resolve(script)).href);
