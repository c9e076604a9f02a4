// What Folio says about anything thrown: the one set of helpers every module uses instead of inline
// `error instanceof Error ? … : …`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LibraryLockedError, asError, errorCode, errorMessage, errorName, errorStack } from '../../../electron/core/library/errors.js';

const withCode = Object.assign(new Error('disk full'), { code: 'ENOSPC' });
const noStack = Object.assign(new Error('no stack'), { stack: undefined });

const rows: Array<{ name: string; thrown: unknown; message: string; errorName: string; code: string | undefined; stackStarts: string }> = [
  { name: 'an Error', thrown: new Error('boom'), message: 'boom', errorName: 'Error', code: undefined, stackStarts: 'Error: boom\n' },
  { name: 'a subclass keeps its name', thrown: new LibraryLockedError('locked'), message: 'locked', errorName: 'LibraryLockedError', code: undefined, stackStarts: 'LibraryLockedError: locked' },
  { name: 'an errno error', thrown: withCode, message: 'disk full', errorName: 'Error', code: 'ENOSPC', stackStarts: 'Error: disk full' },
  { name: 'an Error without a stack', thrown: noStack, message: 'no stack', errorName: 'Error', code: undefined, stackStarts: 'no stack' },
  { name: 'a string', thrown: 'plain words', message: 'plain words', errorName: 'Error', code: undefined, stackStarts: 'plain words' },
  { name: 'undefined', thrown: undefined, message: 'undefined', errorName: 'Error', code: undefined, stackStarts: 'undefined' },
  { name: 'null', thrown: null, message: 'null', errorName: 'Error', code: undefined, stackStarts: 'null' },
  { name: 'a number', thrown: 42, message: '42', errorName: 'Error', code: undefined, stackStarts: '42' },
  { name: 'an object with a code', thrown: { code: 'EACCES' }, message: '[object Object]', errorName: 'Error', code: 'EACCES', stackStarts: '[object Object]' },
  { name: 'an error-like object is not an Error', thrown: { name: 'TypeError', message: 'fake' }, message: '[object Object]', errorName: 'Error', code: undefined, stackStarts: '[object Object]' },
];

test('error helpers: message, name, code and stack of anything thrown', async (t) => {
  for (const row of rows) {
    await t.test(row.name, () => {
      assert.equal(errorMessage(row.thrown), row.message);
      assert.equal(errorName(row.thrown), row.errorName);
      assert.equal(errorCode(row.thrown), row.code);
      assert.ok(errorStack(row.thrown).startsWith(row.stackStarts), errorStack(row.thrown));
      const error = asError(row.thrown);
      assert.ok(error instanceof Error);
      assert.equal(error.message, row.message);
      if (row.thrown instanceof Error) assert.equal(error, row.thrown, 'an Error is passed through, not wrapped');
    });
  }
});
