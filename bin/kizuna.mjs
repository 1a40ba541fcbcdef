#!/usr/bin/env node
// Runs the CLI from a clone without a build step: tsx compiles the TypeScript sources on the fly.
import { register } from 'tsx/esm/api';

register();
await import('../main/hosts/cli/main.ts');
