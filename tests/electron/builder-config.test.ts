import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
// js-yaml ships no types and this test is its only user; its one function is typed here.
const yaml = require('js-yaml') as { load(text: string): unknown };

type BuilderConfig = Record<string, any>;
const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const schema = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${file} is a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it("validates against electron-builder's own schema", () => {
    const ajv = new Ajv({ allowUnionTypes: true, strict: false });
    const validate = ajv.compile(schema);
    const isValid = validate(config);
    assert.ok(isValid, ajv.errorsText(validate.errors, { separator: '\n' }));
  });

  it('identifies the app and writes to release/', () => {
    assert.equal(config.appId, 'org.folio.app');
    assert.equal(config.productName, 'Folio');
    assert.equal(config.directories.output, 'release');
  });

  it('packs the bundles, the assets and package.json, whose main is inside dist/', () => {
    for (const pattern of ['dist/**/*', 'assets/**/*', 'package.json']) assert.ok(config.files.includes(pattern), pattern);
    assert.equal(config.files[0], '!**/*', 'node_modules excluded: main and preload are bundled');
    assert.match(packageJson.main, /^dist\//);
    assert.ok(!config.files.some((p: string) => p.includes('sample-profile')), 'the sample profile ships with assets/');
  });

  it('targets dmg, nsis, AppImage and deb with the right categories', () => {
    assert.equal(config.mac.category, 'public.app-category.productivity');
    assert.deepEqual(config.mac.target.map((t: { target: string }) => t.target), ['dmg']);
    assert.deepEqual(config.win.target.map((t: { target: string }) => t.target), ['nsis']);
    assert.deepEqual(config.linux.target, ['AppImage', 'deb']);
    assert.equal(config.linux.executableName, 'folio', 'the deb puts /usr/bin/folio on the PATH: the app and the command line');
    assert.equal(config.linux.category, 'Office');
    assert.match(config.linux.maintainer, /<.+@.+>/);
  });

  it('flips the fuses as decided', () => {
    assert.deepEqual(config.electronFuses, {
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    assert.equal(config.asar, true, 'onlyLoadAppFromAsar needs an asar');
  });

  it('the icons it names exist and are the right kind', () => {
    const icons = { mac: config.mac.icon, win: config.win.icon, linux: config.linux.icon };
    for (const [platform, icon] of Object.entries(icons)) assert.ok(fs.existsSync(path.join(root, icon)), `${platform}: ${icon}`);
    assert.deepEqual(pngSize(path.join(root, icons.linux)), { width: 1024, height: 1024 });
    const icns = fs.readFileSync(path.join(root, icons.mac));
    assert.equal(icns.subarray(0, 4).toString('latin1'), 'icns');
    assert.equal(icns.readUInt32BE(4), icns.length, 'icns length header');
    assert.ok(icns.includes(Buffer.from('ic10')), 'icns has the 1024 px image');
    const ico = fs.readFileSync(path.join(root, icons.win));
    assert.deepEqual([ico.readUInt16LE(0), ico.readUInt16LE(2)], [0, 1], 'ico header');
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
    assert.ok(sizes.includes(16) && sizes.includes(32) && sizes.includes(256), `ico sizes ${sizes}`);
    assert.ok(fs.existsSync(path.join(root, 'assets/icon.svg')), 'the source of the icons');
  });
});
