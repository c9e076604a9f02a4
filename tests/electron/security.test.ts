import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Session, WebContents } from 'electron';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isAllowedRequest,
  secureSession,
  secureWebContents,
} from '../../electron/main/security.js';

const PAGE = 'file:///opt/Folio/resources/app.asar/dist/renderer/index.html';
const ROOT = '/opt/Folio/resources/app.asar/dist/renderer';

describe('isAllowedExternalUrl', () => {
  const rows: Array<{ input: string; expected: boolean }> = [
    { input: 'https://arxiv.org/abs/2106.01345', expected: true },
    { input: 'https://export.arxiv.org/abs/2106.01345', expected: true },
    { input: 'https://doi.org/10.48550/arXiv.2106.01345', expected: true },
    { input: 'https://scholar.google.com/citations?user=abc', expected: true },
    { input: 'https://www.semanticscholar.org/paper/x', expected: true },
    { input: 'https://openreview.net/forum?id=abc', expected: true },
    { input: 'https://aclanthology.org/2023.acl-long.1/', expected: true },
    { input: 'https://github.com/folio/folio', expected: true },
    { input: 'https://ARXIV.ORG/abs/1', expected: true },
    { input: 'http://arxiv.org/abs/1', expected: false },
    { input: 'https://arxiv.org.evil.com/abs/1', expected: false },
    { input: 'https://evilarxiv.org/abs/1', expected: false },
    { input: 'https://google.com/', expected: false },
    { input: 'https://scholar.google.com.evil.io/', expected: false },
    { input: 'https://user:pw@github.com/', expected: false },
    { input: 'https://arxiv.org:8443/abs/1', expected: false },
    { input: 'file:///etc/passwd', expected: false },
    { input: 'javascript:alert(1)', expected: false },
    { input: 'mailto:someone@arxiv.org', expected: false },
    { input: 'not a url', expected: false },
    { input: '', expected: false },
  ];
  for (const { input, expected } of rows) {
    it(`${JSON.stringify(input)} → ${expected}`, () => assert.equal(isAllowedExternalUrl(input), expected));
  }
});

describe('isAllowedNavigation', () => {
  const rows: Array<{ from: string; to: string; expected: boolean }> = [
    { from: PAGE, to: PAGE, expected: true },
    { from: PAGE, to: `${PAGE}#/paper/p-1`, expected: true },
    { from: PAGE, to: `${PAGE}?reload=1`, expected: true },
    { from: PAGE, to: 'file:///opt/Folio/resources/app.asar/dist/renderer/other.html', expected: false },
    { from: PAGE, to: 'file:///etc/passwd', expected: false },
    { from: PAGE, to: 'https://arxiv.org/abs/1', expected: false },
    { from: PAGE, to: 'http://localhost:5173/', expected: false },
    { from: PAGE, to: 'javascript:alert(1)', expected: false },
    { from: PAGE, to: 'data:text/html,hi', expected: false },
    { from: PAGE, to: 'file://remote-host/opt/Folio/resources/app.asar/dist/renderer/index.html', expected: false },
    { from: 'https://arxiv.org/', to: 'https://arxiv.org/', expected: false },
    { from: 'about:blank', to: PAGE, expected: false },
    { from: 'garbage', to: PAGE, expected: false },
  ];
  for (const { from, to, expected } of rows) {
    it(`${to} from ${from.slice(0, 30)}… → ${expected}`, () => assert.equal(isAllowedNavigation(from, to), expected));
  }
});

describe('isAllowedRequest', () => {
  const rows: Array<{ input: string; expected: boolean }> = [
    { input: PAGE, expected: true },
    { input: 'file:///opt/Folio/resources/app.asar/dist/renderer/assets/index-3f9a.js', expected: true },
    { input: 'file:///opt/Folio/resources/app.asar/dist/renderer/assets/font.woff2', expected: true },
    { input: 'devtools://devtools/bundled/inspector.html', expected: true },
    { input: 'data:image/png;base64,iVBORw0KGgo=', expected: true },
    { input: 'blob:file:///3f9a-11', expected: true },
    { input: 'file:///opt/Folio/resources/app.asar/dist/renderer/../../package.json', expected: false },
    { input: 'file:///opt/Folio/resources/app.asar/dist/renderer/%2e%2e/electron/main.cjs', expected: false },
    { input: 'file:///opt/Folio/resources/app.asar/dist/renderer-evil/x.js', expected: false },
    { input: 'file:///opt/Folio/resources/app.asar/dist/renderer', expected: false },
    { input: 'file:///etc/passwd', expected: false },
    { input: 'file:///home/me/.ssh/id_rsa', expected: false },
    { input: 'https://arxiv.org/abs/1', expected: false },
    { input: 'http://127.0.0.1:8080/', expected: false },
    { input: 'ws://localhost:5173/', expected: false },
    { input: 'ftp://example.com/', expected: false },
    { input: 'chrome://gpu', expected: false },
    { input: 'nonsense', expected: false },
  ];
  for (const { input, expected } of rows) {
    it(`${input} → ${expected}`, () => assert.equal(isAllowedRequest(input, ROOT), expected));
  }
});

type Listener = (...args: any[]) => void;

function fakeSession() {
  const hooks: Record<string, Listener> = {};
  const session = {
    webRequest: {
      onHeadersReceived: (listener: Listener) => (hooks.headers = listener),
      onBeforeRequest: (listener: Listener) => (hooks.request = listener),
    },
    setPermissionRequestHandler: (handler: Listener) => (hooks.permissionRequest = handler),
    setPermissionCheckHandler: (handler: Listener) => (hooks.permissionCheck = handler),
  };
  return { hooks, session: session as unknown as Session };
}

describe('secureSession', () => {
  it('sets the CSP on every response, replacing any the response had', () => {
    const { hooks, session } = fakeSession();
    secureSession(session, { rendererRoot: ROOT, warn: () => {} });
    let response: any;
    hooks.headers!({ url: PAGE, responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Other': ['1'] } }, (r: unknown) => (response = r));
    assert.deepEqual(response, { responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    assert.match(CONTENT_SECURITY_POLICY, /default-src 'self'; script-src 'self';.*object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'$/);
  });

  it('the page\'s CSP meta tag is the very policy main sends (the meta is what surely applies to file://)', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    assert.equal(meta?.[1], CONTENT_SECURITY_POLICY);
  });

  it('cancels remote requests and lets the bundled files through', () => {
    const { hooks, session } = fakeSession();
    const warnings: string[] = [];
    secureSession(session, { rendererRoot: ROOT, warn: (m) => warnings.push(m) });
    const decide = (url: string) => {
      let response: any;
      hooks.request!({ url }, (r: unknown) => (response = r));
      return response;
    };
    assert.deepEqual(decide(`${ROOT.replace(/^/, 'file://')}/assets/app.js`), { cancel: false });
    assert.deepEqual(decide('https://fonts.googleapis.com/css'), { cancel: true });
    assert.deepEqual(warnings, ['Folio blocked a request to https://fonts.googleapis.com/css']);
  });

  it('denies every permission request and check except clipboard writes from our page', () => {
    const { hooks, session } = fakeSession();
    secureSession(session, { rendererRoot: ROOT, warn: () => {} });
    const rows: Array<{ permission: string; url: string; expected: boolean }> = [
      { permission: 'clipboard-sanitized-write', url: PAGE, expected: true },
      { permission: 'clipboard-sanitized-write', url: 'https://evil.example/', expected: false },
      { permission: 'clipboard-read', url: PAGE, expected: false },
      { permission: 'media', url: PAGE, expected: false },
      { permission: 'geolocation', url: PAGE, expected: false },
      { permission: 'notifications', url: PAGE, expected: false },
      { permission: 'openExternal', url: PAGE, expected: false },
      { permission: 'fileSystem', url: PAGE, expected: false },
      { permission: 'unknown', url: PAGE, expected: false },
    ];
    for (const { permission, url, expected } of rows) {
      let granted: boolean | undefined;
      hooks.permissionRequest!({}, permission, (answer: boolean) => (granted = answer), { requestingUrl: url });
      assert.equal(granted, expected, `request ${permission} from ${url}`);
      assert.equal(hooks.permissionCheck!({}, permission, url, {}), expected, `check ${permission} from ${url}`);
    }
  });
});

describe('secureWebContents', () => {
  function fakeContents() {
    const listeners: Record<string, Listener> = {};
    let openHandler: Listener | undefined;
    const contents = {
      getURL: () => PAGE,
      on: (event: string, listener: Listener) => (listeners[event] = listener),
      setWindowOpenHandler: (handler: Listener) => (openHandler = handler),
    };
    const opened: string[] = [];
    secureWebContents(contents as unknown as WebContents, { openExternal: async (url: string) => void opened.push(url) }, () => {});
    const fire = (name: string, url = '') => {
      let prevented = false;
      listeners[name]!({ url, preventDefault: () => (prevented = true) });
      return prevented;
    };
    return { fire, open: (url: string) => openHandler!({ url }), opened };
  }

  it('blocks navigation and redirects away from the page, allows reloads', () => {
    const { fire } = fakeContents();
    assert.equal(fire('will-navigate', 'https://arxiv.org/'), true);
    assert.equal(fire('will-redirect', 'file:///etc/passwd'), true);
    assert.equal(fire('will-navigate', PAGE), false);
  });

  it('never attaches a webview', () => {
    assert.equal(fakeContents().fire('will-attach-webview'), true);
  });

  it('denies every new window; allow-listed https links go to the system browser', () => {
    const { open, opened } = fakeContents();
    assert.deepEqual(open('https://arxiv.org/abs/2106.01345'), { action: 'deny' });
    assert.deepEqual(open('https://evil.example/'), { action: 'deny' });
    assert.deepEqual(open('file:///etc/passwd'), { action: 'deny' });
    assert.deepEqual(opened, ['https://arxiv.org/abs/2106.01345']);
  });
});
