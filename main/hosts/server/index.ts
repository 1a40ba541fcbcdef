export { startServer, formatLoginLine, DEFAULT_MAX_BODY_BYTES, type StartServerOptions, type RunningServer } from './start-server';
export { MIN_PASSWORD_LENGTH } from './binding';
