#!/usr/bin/env node
// The command line as one bundle (scripts/bundle.mjs): fewer modules to load before a run starts.
import { main } from '../dist/cli-bundle/main.js';

process.exitCode = await main(process.argv.slice(2));
