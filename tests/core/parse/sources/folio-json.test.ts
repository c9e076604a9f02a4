// The folio-json source: a backup written by a real library (imports, a metrics change, tags with colours, notes,
// statuses) reads back completely; damaged backups lose only the damaged items, each named; newer or foreign JSON
// is refused; seeded mutations never crash it.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { FolioCore } from '../../../../electron/core/folio.js';
import { folioJsonSource } from '../../../../electron/core/parse/sources/folio-json.js';
import type { SourceResult } from '../../../../electron/core/parse/sources/types.js';
import { FIXTURES, SAMPLE_PROFILE, withTempDir } from '../../../helpers/tree.js';
import { otherFixtures, ownFixtures, sourceFixture } from './fixture-files.js';
import { assertContract, assertRefuses, assertSurvives, mutations } from './source-checks.js';

const paste = (name: string) => readFile(path.join(FIXTURES, name), 'utf8');

/** A backup of a real library: two profiles, Sabela Ramos imported twice with a changed h-index, user data set. */
async function realBackup(): Promise<string> {
  return withTempDir(async (dir) => {
    const core = await FolioCore.open(dir, { samplePath: SAMPLE_PROFILE });
    try {
      const sample = await paste('profile-sabela-ramos.txt');
      assert.equal((await core.commitImport(sample)).ok, true);
      assert.equal((await core.commitImport(await paste('profile-overlap-a.txt'))).ok, true);
      assert.equal((await core.commitImport(sample.replace('h-index117', 'h-index120'))).ok, true);
      const gemma = (await core.query({ search: 'gemma 2 practical size', offset: 0, limit: 1 })).rows[0]!.id;
      const bond = (await core.query({ search: 'bond best-of-n distillation', offset: 0, limit: 1 })).rows[0]!.id;
      await core.setTags(gemma, ['to read', 'llm']);
      await core.setTagColor('llm', '#AA3355');
      await core.setNote(gemma, '# Notes\n\nKeep  the  *spacing*.\n');
      await core.setStatus(gemma, 'reading');
      await core.setStatus(bond, 'read');
      return await core.exportLibrary('json');
    } finally {
      await core.close();
    }
  });
}

const backupText = await realBackup();
const backup = JSON.parse(backupText) as {
  profiles: Array<{ name: string; paperIds: string[]; history: unknown[] }>;
  tags: Array<{ name: string; color: string }>;
  papers: Array<{ id: string; title: string; authors: string[]; date: string; abstract: string; tags: string[]; note: string; status: string }>;
};

const paperIndex = (result: SourceResult, start: string): number => {
  const index = result.papers.findIndex((paper) => paper.title.startsWith(start));
  assert.ok(index >= 0, `no paper titled "${start}…"`);
  return index;
};

test('a real backup reads back: every paper, its user data, profiles with metric history, tags with colours', () => {
  assert.ok(folioJsonSource.detect(backupText) >= 0.8);
  const result = folioJsonSource.parse(backupText);
  assert.equal(result.source, 'folio-json');
  assert.equal(result.profile, null);
  assert.deepEqual(result.warnings, []);
  assert.equal(result.papers.length, backup.papers.length);
  const restore = result.restore!;
  assert.equal(restore.formatVersion, 1);
  assert.match(restore.exportedAt ?? '', /^\d{4}-\d{2}-\d{2}T/);
  assert.equal(restore.papers.length, result.papers.length);

  backup.papers.forEach((original, i) => {
    const paper = result.papers[i]!;
    assert.deepEqual([paper.title, paper.authors, paper.date, paper.year], [original.title, original.authors, original.date, Number(original.date.slice(0, 4))]);
    assert.equal(paper.abstract, original.abstract === '' ? null : original.abstract);
    assert.deepEqual(restore.papers[i]!.tags, original.tags);
    assert.equal(restore.papers[i]!.note, original.note);
    assert.equal(restore.papers[i]!.status, original.status);
  });

  const gemma = paperIndex(result, 'Gemma 2');
  const stored = backup.papers[gemma] as unknown as { id: string; citeKey: string; addedAt: string };
  assert.deepEqual(restore.papers[gemma], {
    id: stored.id,
    citeKey: stored.citeKey,
    sources: ['profile-page'],
    fieldSources: { title: 'profile-page', authors: 'profile-page', date: 'profile-page', abstract: 'profile-page', category: 'profile-page', orgs: 'profile-page' },
    tags: ['to read', 'llm'],
    note: '# Notes\n\nKeep  the  *spacing*.\n',
    status: 'reading',
    addedAt: stored.addedAt,
  });
  assert.equal(restore.papers[paperIndex(result, 'BOND')]!.status, 'read');
  assert.deepEqual(
    restore.tags.find((tag) => tag.name === 'llm'),
    { name: 'llm', color: '#aa3355' },
  );
  assert.ok(restore.tags.some((tag) => tag.name === 'to read' && /^#[0-9a-f]{6}$/.test(tag.color)));

  const sabela = restore.profiles.find((profile) => profile.name === 'Sabela Ramos')!;
  assert.deepEqual(sabela.history.map((snapshot) => [snapshot.source, snapshot.metrics.hIndex]), [['profile-page', 117], ['profile-page', 120]]);
  assert.deepEqual([sabela.sources, sabela.metricsBySource['profile-page']?.hIndex], [['profile-page'], 120]);
  assert.equal(sabela.metrics.hIndex, 120);
  assert.equal(sabela.metrics.citations, 9233);
  assert.equal(sabela.paperIndexes.length, 12);
  assert.ok(sabela.paperIndexes.includes(gemma));
  const robert = restore.profiles.find((profile) => profile.name === 'Robert Dadashi')!;
  assert.ok(robert.paperIndexes.includes(gemma), 'a paper two profiles list is linked to both');
  assert.equal(restore.profiles.length, 2);
});

function damaged(edit: (copy: any) => void): string {
  const copy = JSON.parse(backupText);
  edit(copy);
  return JSON.stringify(copy);
}

const damages: Array<{ name: string; text: string; papers: number; warnings: RegExp[]; check?: (result: SourceResult) => void }> = [
  {
    name: 'a paper without a title is skipped, its profile links drop it',
    text: damaged((copy) => {
      copy.papers[0].title = '';
    }),
    papers: backup.papers.length - 1,
    warnings: [/Skipped paper 1 of the backup: it has no title/, /lists 1 paper\(s\) that are not in the backup/],
  },
  {
    name: 'an unknown status becomes unread',
    text: damaged((copy) => {
      copy.papers[1].status = 'skimmed';
    }),
    papers: backup.papers.length,
    warnings: [/unknown reading status "skimmed"; it is restored as unread/],
    check: (result) => assert.equal(result.restore!.papers[1]!.status, 'unread'),
  },
  {
    name: 'a tag colour that is not #rrggbb',
    text: damaged((copy) => {
      copy.tags[0].color = 'red';
    }),
    papers: backup.papers.length,
    warnings: [/Tag ".+" had no valid colour/],
  },
  {
    name: 'a profile without a name, a history that is not a list',
    text: damaged((copy) => {
      copy.profiles[0].name = null;
      copy.profiles[1].history = 'lost';
    }),
    papers: backup.papers.length,
    warnings: [/Skipped profile 1 of the backup: it has no name/],
    check: (result) => assert.equal(result.restore!.profiles[0]!.history.length, 1),
  },
  {
    name: 'tags that are not a list; extra unknown fields (a later Folio) are ignored',
    text: damaged((copy) => {
      copy.tags = 'none';
      copy.collections = [{ name: 'later feature' }];
      copy.papers[0].venue = 'NeurIPS';
      copy.papers[0].doi = 'https://doi.org/10.1000/ABC';
    }),
    papers: backup.papers.length,
    warnings: [/"tags" is not a list/],
    check: (result) => assert.deepEqual([result.papers[0]!.venue, result.papers[0]!.doi], ['NeurIPS', '10.1000/abc']),
  },
];

for (const damage of damages) {
  test(`damaged backup: ${damage.name}`, () => {
    const result = folioJsonSource.parse(damage.text);
    assert.equal(result.papers.length, damage.papers);
    for (const pattern of damage.warnings) {
      assert.ok(result.warnings.some((w) => pattern.test(w)), `no warning matches ${pattern}: ${JSON.stringify(result.warnings)}`);
    }
    damage.check?.(result);
  });
}

test('minified and CRLF backups read the same', () => {
  const expected = folioJsonSource.parse(backupText);
  for (const text of [JSON.stringify(JSON.parse(backupText)), backupText.replace(/\n/g, '\r\n'), `\uFEFF${backupText}`]) {
    assert.ok(folioJsonSource.detect(text) >= 0.8);
    assert.deepEqual(folioJsonSource.parse(text), expected);
  }
});

test('refused: a newer backup, a cut-short backup, JSON of another kind, other fixtures', () => {
  const newer = damaged((copy) => {
    copy.version = 99;
  });
  assert.throws(() => folioJsonSource.parse(newer), /newer Folio \(backup format 99; this Folio reads up to 1\)/);
  assertRefuses(folioJsonSource, backupText.slice(0, backupText.length / 2), 'cut short');
  assertRefuses(folioJsonSource, sourceFixture('library.csl.json'), 'CSL-JSON');
  assertRefuses(folioJsonSource, '{"format": "something-else", "version": 1}', 'another format');
  for (const { name, text } of otherFixtures('folio-json')) {
    assert.ok(folioJsonSource.detect(text) < 0.5, name);
    assertRefuses(folioJsonSource, text, name);
  }
});

test('survives seeded mutations of a real backup', () => {
  const small = damaged((copy) => {
    copy.papers = copy.papers.slice(0, 4);
  });
  for (const [i, text] of mutations(small, 150, 3).entries()) assertSurvives(folioJsonSource, text, `mutation ${i}`);
});

test('the committed example backup (tests/fixtures/sources/library.folio.json) reads in contract, with its user data', () => {
  const [example] = ownFixtures('folio-json');
  assert.ok(example);
  assert.ok(folioJsonSource.detect(example.text) >= 0.8);
  const result = folioJsonSource.parse(example.text);
  assertContract(result, 'folio-json');
  assert.equal(result.papers.length, 14);
  assert.equal(result.restore?.papers.length, 14);
  assert.ok(result.restore?.papers.some((p) => p.note.includes('ablations')));
  assert.ok(result.restore?.tags.some((t) => t.name === 'RLHF' && t.color === '#3a7bd5'));
  assert.deepEqual(result.restore?.profiles.map((p) => p.name), ['Olivier Bachem']);
});
