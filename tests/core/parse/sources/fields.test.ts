// Field readers shared by the import sources: table tests, including the forms sites really print.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeArxivId, normalizeDoi, parseCount, parseLooseDate } from '../../../../electron/core/parse/sources/fields.js';

test('normalizeDoi', () => {
  const rows: Array<[string | null, string | null]> = [
    ['10.1145/3292500.3330701', '10.1145/3292500.3330701'],
    ['DOI: 10.48550/arXiv.2503.19786', '10.48550/arxiv.2503.19786'],
    ['https://doi.org/10.1038/S41586-021-03819-2.', '10.1038/s41586-021-03819-2'],
    ['doi:10.1000/xyz123), see', '10.1000/xyz123'],
    ['https://doi.org/10.1002%2F%28SICI%291097', '10.1002/(sici)1097'],
    ['no doi here', null],
    ['10.12/too-short-registrant', null],
    [null, null],
  ];
  for (const [input, expected] of rows) assert.equal(normalizeDoi(input), expected, String(input));
});

test('normalizeArxivId', () => {
  const rows: Array<[string | null, string | null]> = [
    ['arXiv:2408.00118v2', '2408.00118'],
    ['https://arxiv.org/abs/2407.14622', '2407.14622'],
    ['10.48550/arXiv.2503.19786', '2503.19786'],
    ['CoRR abs/2405.18826 (2024)', '2405.18826'],
    ['hep-th/9901001v3', 'hep-th/9901001'],
    ['math.GT/0309136', 'math.GT/0309136'],
    ['1234.5678', null], // month 34
    ['pages 5320.5339', null], // month 20
    ['10.1145/3292500.3330701', null],
    [null, null],
  ];
  for (const [input, expected] of rows) assert.equal(normalizeArxivId(input), expected, String(input));
});

test('parseLooseDate', () => {
  const rows: Array<[string, string | null]> = [
    ['2024-07-31', '2024-07-31'],
    ['2024/03/25', '2024-03-25'],
    ['2024-11', '2024-11'],
    ['2024', '2024'],
    ['12 November 2024', '2024-11-12'],
    ['22 Jan 2025', '2025-01-22'],
    ['01 Sept 2023', '2023-09-01'],
    ['Jul 31, 2024', '2024-07-31'],
    ['July 2022', '2022-07'],
    ['Sept. 2023', '2023-09'],
    ['31 Feb 2024', null],
    ['2024-13', null],
    ['Smarch 2024', null],
    ['yesterday', null],
    ['', null],
  ];
  for (const [input, expected] of rows) assert.equal(parseLooseDate(input)?.date ?? null, expected, input);
  assert.equal(parseLooseDate('12 November 2024')?.year, 2024);
});

test('parseCount', () => {
  const rows: Array<[string, number | null]> = [
    ['9,233', 9233],
    ['1 384', 1384],
    ['3045', 3045],
    ['12,3', null],
    ['n/a', null],
  ];
  for (const [input, expected] of rows) assert.equal(parseCount(input), expected, input);
});
