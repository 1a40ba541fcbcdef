// Runs in a separate process: opens a fresh core on the data folder and prints one secret, to prove that
// secrets outlive the process that wrote them.
import { bootstrap } from '../../main/app/bootstrap';

const [dataDir, key] = process.argv.slice(2);
if (!dataDir || !key) throw new Error('usage: read-secret-in-child <dataDir> <key>');
const core = await bootstrap({ host: 'cli', dataDir });
process.stdout.write(JSON.stringify({ kind: core.ports.secrets.kind, value: await core.ports.secrets.get(key) }));
core.close();
process.exit(0);
