/**
 * The `regclient` bin: a few lines that turn on V8's code cache, then load the bundled CLI
 * (regclient-main.cjs). Compiling the 3.7 MB bundle was most of a command's start-up; with the
 * cache a second run only deserialises it. Node 22.1+ has the cache built in
 * (module.enableCompileCache); on Node 20, v8-compile-cache keeps it in the temp folder, keyed by
 * the file's content, so a rebuilt bundle is compiled afresh, never run from a stale cache.
 */
import * as nodeModule from 'node:module';

const withCache = nodeModule as typeof nodeModule & { enableCompileCache?: () => unknown };
if (typeof withCache.enableCompileCache === 'function') withCache.enableCompileCache();
else {
  try {
    require('v8-compile-cache');
  } catch {
    // no cache: the CLI only starts more slowly
  }
}
require('./regclient-main.cjs');
