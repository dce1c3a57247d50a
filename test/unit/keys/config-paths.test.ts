/** Where keys.yaml lives on each platform. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { configDir, displayPath, k9sConfigDir, k9sDataDir, keysFilePath } from '../../../src/config/paths.ts';

test('KX_CONFIG_DIR wins on every platform', () => {
  for (const platform of ['linux', 'darwin', 'win32'] as const) {
    assert.equal(keysFilePath({ KX_CONFIG_DIR: '/tmp/kx-conf', XDG_CONFIG_HOME: '/x' }, platform), '/tmp/kx-conf/keys.yaml');
  }
});

test('Linux and macOS: $XDG_CONFIG_HOME/kx when absolute, else ~/.config/kx', () => {
  for (const platform of ['linux', 'darwin', 'freebsd'] as const) {
    assert.equal(configDir({ XDG_CONFIG_HOME: '/srv/conf' }, platform), '/srv/conf/kx');
    assert.equal(configDir({}, platform), join(homedir(), '.config', 'kx'));
    assert.equal(configDir({ XDG_CONFIG_HOME: 'relative/conf' }, platform), join(homedir(), '.config', 'kx'), 'the XDG spec ignores relative paths');
  }
});

test('displayPath shows the home directory as ~', () => {
  assert.equal(displayPath(join(homedir(), '.config', 'kx', 'keys.yaml')), '~/.config/kx/keys.yaml');
  assert.equal(displayPath('/etc/kx/keys.yaml'), '/etc/kx/keys.yaml');
  assert.equal(displayPath(`${homedir()}other/keys.yaml`), `${homedir()}other/keys.yaml`, 'a sibling of home is not home');
});

test("k9s's directories: K9S_CONFIG_DIR for both, else XDG, else each platform's default", () => {
  assert.equal(k9sConfigDir({ K9S_CONFIG_DIR: '/k', XDG_CONFIG_HOME: '/x' }, 'linux'), '/k');
  assert.equal(k9sDataDir({ K9S_CONFIG_DIR: '/k', XDG_DATA_HOME: '/d' }, 'linux'), '/k');
  assert.equal(k9sConfigDir({ XDG_CONFIG_HOME: '/x' }, 'linux'), '/x/k9s');
  assert.equal(k9sDataDir({ XDG_DATA_HOME: '/d' }, 'linux'), '/d/k9s');
  assert.equal(k9sConfigDir({}, 'linux'), join(homedir(), '.config', 'k9s'));
  assert.equal(k9sDataDir({}, 'linux'), join(homedir(), '.local', 'share', 'k9s'));
  assert.equal(k9sConfigDir({}, 'darwin'), join(homedir(), 'Library', 'Application Support', 'k9s'));
});
