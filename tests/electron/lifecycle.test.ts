import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, it, mock } from 'node:test';
import { describeBootFailure, installGracefulQuit, type ShutdownStep } from '../../electron/main/lifecycle.js';

class FakeApp extends EventEmitter {
  exits: number[] = [];
  exit(code = 0) {
    this.exits.push(code);
  }
  /** Emits before-quit like app.quit() does; returns whether the quit was held. */
  requestQuit(): boolean {
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    return prevented;
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('installGracefulQuit', () => {
  it('holds the quit until the library is closed, then exits once', async () => {
    const app = new FakeApp();
    const order: string[] = [];
    let finishClose!: () => void;
    const steps: ShutdownStep[] = [
      { name: 'window', run: () => void order.push('window') },
      { name: 'library', run: () => new Promise<void>((resolve) => (finishClose = () => (order.push('library'), resolve()))) },
    ];
    installGracefulQuit(app, () => steps, { warn: () => {} });
    assert.equal(app.requestQuit(), true);
    assert.equal(app.requestQuit(), true, 'a second Cmd+Q while flushing is held too');
    await settle();
    assert.deepEqual(app.exits, [], 'no exit before the flush finished');
    finishClose();
    await settle();
    assert.deepEqual(order, ['window', 'library']);
    assert.deepEqual(app.exits, [0]);
  });

  it('a failing step is reported and the next steps still run', async () => {
    const app = new FakeApp();
    const warnings: string[] = [];
    const ran: string[] = [];
    installGracefulQuit(
      app,
      () => [
        { name: 'removing IPC handlers', run: () => { throw new Error('boom'); } },
        { name: 'closing the library', run: async () => void ran.push('close') },
      ],
      { warn: (m) => warnings.push(m) },
    );
    app.requestQuit();
    await settle();
    assert.deepEqual(ran, ['close']);
    assert.match(warnings[0]!, /removing IPC handlers failed: Error: boom/);
    assert.deepEqual(app.exits, [0]);
  });

  it('exits anyway when a step hangs past the timeout', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const app = new FakeApp();
      const warnings: string[] = [];
      installGracefulQuit(app, () => [{ name: 'closing the library', run: () => new Promise(() => {}) }], {
        timeoutMs: 1000,
        warn: (m) => warnings.push(m),
      });
      app.requestQuit();
      mock.timers.tick(1000);
      await Promise.resolve();
      await Promise.resolve();
      assert.deepEqual(app.exits, [0]);
      assert.match(warnings[0]!, /still busy after 1000 ms/);
    } finally {
      mock.timers.reset();
    }
  });
});

describe('describeBootFailure', () => {
  it('shows a locked library with the lock\'s own advice, and the folder', () => {
    const error = new Error('Library /data/lib is in use by Folio (pid 4242, since 2026-01-01T00:00:00.000Z). Quit that Folio (pid 4242) and try again.');
    error.name = 'LibraryLockedError';
    const { title, message } = describeBootFailure(error, '/data/lib');
    assert.equal(title, 'This library is locked');
    assert.equal(message, `${error.message}\n\nLibrary: /data/lib`);
  });

  it('shows any other failure with the folder', () => {
    const { title, message } = describeBootFailure(new Error('EACCES: permission denied'), '/data/lib');
    assert.equal(title, 'Folio could not start');
    assert.match(message, /^EACCES: permission denied\n\nLibrary: \/data\/lib/);
  });

  it('copes with non-Error throws', () => {
    assert.match(describeBootFailure('weird', '/x').message, /^weird/);
  });
});
