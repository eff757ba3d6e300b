/**
 * A browser host in its own process, for tests that must see whether a hostile client can stop
 * it: prints `{"port":…,"token":…}` on one line once listening, and stops when its stdin closes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBrowserHost } from '../../../electron/host/BrowserHost';
import { openTestServices } from '../../helpers/openTestDataDir';
import { makeTempDir } from '../../helpers/tempDir';

const opened = await openTestServices();
const staticDir = makeTempDir();
writeFileSync(join(staticDir.path, 'index.html'), '<!doctype html><title>t</title>');
writeFileSync(join(staticDir.path, 'app.js'), 'void 0;');
const host = await startBrowserHost({ services: opened.services, staticDir: staticDir.path, port: 0 });
process.stdout.write(`${JSON.stringify({ port: host.port, token: host.token })}\n`);
process.stdin.resume();
process.stdin.on('end', async () => {
  await host.close();
  await opened.close();
  staticDir.remove();
  process.exit(0);
});
