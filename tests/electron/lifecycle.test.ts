import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, it, mock } from 'node:test';
import type { SaveStatus } from '../../electron/core/api.js';
import {
  askBeforeQuittingWithUnsavedEdits,
  describeBootFailure,
  installGracefulQuit,
  type ShowMessageBox,
  type ShutdownStep,
} from '../../electron/main/lifecycle.js';

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
      { name: 'library', run: () => new Promise<void>((resolve) => {
            finishClose = () => {
              order.push('library');
              resolve();
            };
          }) },
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

describe('quitting with unsaved edits', () => {
  const saved: SaveStatus = { unsavedEdits: 0, error: null, since: null, warnings: [] };
  const unsaved = (n: number): SaveStatus => ({
    unsavedEdits: n,
    error: 'Not saved: the disk holding /lib is full. Free some space, then try again.',
    since: '2026-01-01T10:00:00.000Z',
    warnings: [],
  });

  /** A core whose retries answer the given statuses in turn, and a message box that answers the given buttons. */
  function fakes(initial: SaveStatus, afterRetries: SaveStatus[], answers: string[]) {
    const asked: Array<Parameters<ShowMessageBox>[0]> = [];
    let retries = 0;
    const core = {
      saveStatus: async () => initial,
      retryUnsaved: async () => afterRetries[retries++] ?? initial,
    };
    const showMessageBox: ShowMessageBox = async (options) => {
      asked.push(options);
      return { response: options.buttons.indexOf(answers[asked.length - 1] ?? 'Cancel') };
    };
    return { core, showMessageBox, asked, retries: () => retries };
  }

  const rows: Array<{ name: string; initial: SaveStatus; afterRetries: SaveStatus[]; answers: string[]; quits: boolean; dialogs: number; retries: number }> = [
    { name: 'everything saved: quits without asking', initial: saved, afterRetries: [], answers: [], quits: true, dialogs: 0, retries: 0 },
    { name: 'Quit Anyway', initial: unsaved(2), afterRetries: [], answers: ['Quit Anyway'], quits: true, dialogs: 1, retries: 0 },
    { name: 'Cancel keeps Folio open', initial: unsaved(2), afterRetries: [], answers: ['Cancel'], quits: false, dialogs: 1, retries: 0 },
    { name: 'Retry that saves them: quits', initial: unsaved(1), afterRetries: [saved], answers: ['Retry'], quits: true, dialogs: 1, retries: 1 },
    {
      name: 'Retry that fails asks again; then Quit Anyway',
      initial: unsaved(3),
      afterRetries: [unsaved(3)],
      answers: ['Retry', 'Quit Anyway'],
      quits: true,
      dialogs: 2,
      retries: 1,
    },
    { name: 'Retry, Retry, then saved', initial: unsaved(1), afterRetries: [unsaved(1), saved], answers: ['Retry', 'Retry'], quits: true, dialogs: 2, retries: 2 },
    { name: 'the box closed another way counts as Cancel', initial: unsaved(1), afterRetries: [], answers: ['(escape)'], quits: false, dialogs: 1, retries: 0 },
  ];
  for (const row of rows) {
    it(`askBeforeQuittingWithUnsavedEdits: ${row.name}`, async () => {
      const f = fakes(row.initial, row.afterRetries, row.answers);
      assert.equal(await askBeforeQuittingWithUnsavedEdits(f.core, f.showMessageBox), row.quits);
      assert.equal(f.asked.length, row.dialogs);
      assert.equal(f.retries(), row.retries);
    });
  }

  it('the dialog says how many changes and why, with Retry, Quit Anyway and Cancel', async () => {
    const f = fakes(unsaved(3), [], ['Cancel']);
    await askBeforeQuittingWithUnsavedEdits(f.core, f.showMessageBox);
    const [box] = f.asked;
    assert.equal(box?.message, '3 changes are not saved.');
    assert.match(box?.detail ?? '', /^Not saved: the disk holding \/lib is full\. .*\n\nIf you quit now, they are lost\.$/s);
    assert.deepEqual(box?.buttons, ['Retry', 'Quit Anyway', 'Cancel']);
    assert.equal(box?.buttons[box.cancelId], 'Cancel');
    assert.equal(box?.buttons[box.defaultId], 'Retry');
  });

  it('installGracefulQuit: a cancelled quit runs no step and exits not; the next quit asks again', async () => {
    const app = new FakeApp();
    const ran: string[] = [];
    const answers = [false, true];
    let asked = 0;
    installGracefulQuit(app, () => [{ name: 'closing the library', run: () => void ran.push('close') }], {
      warn: () => {},
      confirmQuit: async () => answers[asked++] ?? true,
    });
    assert.equal(app.requestQuit(), true, 'the quit is held while asking');
    await settle();
    assert.deepEqual([asked, ran, app.exits], [1, [], []]);
    app.requestQuit();
    await settle();
    assert.deepEqual([asked, ran, app.exits], [2, ['close'], [0]]);
  });

  it('installGracefulQuit: quit requests while the question is open do not ask twice', async () => {
    const app = new FakeApp();
    let asked = 0;
    let answer!: (quit: boolean) => void;
    installGracefulQuit(app, () => [], {
      warn: () => {},
      confirmQuit: () => {
        asked++;
        return new Promise<boolean>((resolve) => (answer = resolve));
      },
    });
    app.requestQuit();
    app.requestQuit();
    assert.equal(asked, 1);
    answer(true);
    await settle();
    assert.deepEqual(app.exits, [0]);
  });

  it('installGracefulQuit: a confirmation that throws still lets Folio quit', async () => {
    const app = new FakeApp();
    installGracefulQuit(app, () => [], { warn: () => {}, confirmQuit: async () => Promise.reject(new Error('no window')) });
    app.requestQuit();
    await settle();
    assert.deepEqual(app.exits, [0]);
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
