import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMANDS } from '../../../../../electron/cli/commands';
import { COMMAND_AREAS, loadCommands } from '../../../../../electron/cli/commands/lazyCommands';

/** The bin loads one area per command line: each area must name exactly the first words its commands use. */
describe('lazyCommands', () => {
  it('each area names exactly the first words of its own commands', async () => {
    for (const area of COMMAND_AREAS) {
      const firstWords = new Set((await area.load()).map((c) => c.words[0]));
      assert.deepEqual([...firstWords].sort(), [...area.firstWords].sort());
    }
  });

  it('finds every command from its own words, loading only the areas the first word names', async () => {
    for (const command of COMMANDS) {
      const loaded = await loadCommands(command.words);
      assert.ok(loaded.some((c) => c.words.join(' ') === command.words.join(' ')), command.words.join(' '));
      assert.ok(loaded.length < COMMANDS.length, `${command.words.join(' ')} loaded every area`);
    }
  });

  it('loads every command for help and for a command nobody has', async () => {
    assert.equal((await loadCommands([])).length, COMMANDS.length);
    assert.equal((await loadCommands(['pakets', 'list'])).length, COMMANDS.length);
  });
});
