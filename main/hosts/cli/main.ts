#!/usr/bin/env node
import { processIo } from './cli-io';
import { runCli } from './program';

process.exitCode = await runCli(process.argv.slice(2), processIo());
