import { defineCoreBehaviour } from './core-behaviour.js';
import { buildCentralServer } from './server.js';
import { TOKENS } from './test-support.js';

defineCoreBehaviour('PGlite in memory', () => buildCentralServer({ branches: TOKENS }));
