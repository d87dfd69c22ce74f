import { afterAll } from 'vitest';
import { removeTempProjects } from './helpers.js';

// Runs in every test file (vitest.config.ts setupFiles): the temporary projects a file created
// are removed once all its tests are done, so describe-level projects stay valid until the end.
afterAll(removeTempProjects);
