// Locks the renderer down: CSP, no network, no navigation, no new windows, no webviews, and no permissions
// but clipboard writes.
// Folio is offline, so anything that is not the bundled page is refused; the decisions are pure functions.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App, Session, Shell, WebContents } from 'electron';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

/** Hosts whose https links open in the system browser (subdomains included, e.g. export.arxiv.org). */
export const EXTERNAL_HOSTS = [
  'arxiv.org',
  'doi.org',
  'scholar.google.com',
  'semanticscholar.org',
  'openreview.net',
  'aclanthology.org',
  'github.com',
] as const;

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** An https link to an allow-listed host, on the default port, without credentials. */
export function isAllowedExternalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (parsed?.protocol !== 'https:' || parsed.port !== '') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  const host = parsed.hostname.toLowerCase();
  return EXTERNAL_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

/** Only reloads of the same file (any query or fragment); every other navigation is refused. */
export function isAllowedNavigation(from: string, to: string): boolean {
  const source = parseUrl(from);
  const target = parseUrl(to);
  if (!source || !target) return false;
  if (source.protocol !== 'file:' || target.protocol !== 'file:') return false;
  return source.host === target.host && source.pathname === target.pathname;
}

/**
 * Requests the page may make: files inside the renderer's folder, DevTools' own pages, and the inline
 * data:/blob: URLs the CSP already limits. Everything else (http, https, ws, ftp, other files) is blocked.
 */
export function isAllowedRequest(url: string, rendererRoot: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  switch (parsed.protocol) {
    case 'devtools:':
    case 'data:':
    case 'blob:':
      return true;
    case 'file:': {
      let filePath: string;
      try {
        filePath = fileURLToPath(parsed);
      } catch {
        return false;
      }
      const relative = path.relative(rendererRoot, filePath);
      return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
    }
    default:
      return false;
  }
}

/** True for a frame URL that is our renderer page. */
export function isRendererUrl(url: string, rendererUrl: string): boolean {
  return isAllowedNavigation(rendererUrl, url);
}

export interface SecurityOptions {
  /** The folder holding index.html and its assets. */
  rendererRoot: string;
  /** Logs refused requests and navigations (default: console.warn). */
  warn?: (message: string) => void;
}

/** Session-wide rules: CSP on every response, network refused, every permission denied. */
export function secureSession(session: Session, options: SecurityOptions): void {
  const warn = options.warn ?? console.warn;
  session.webRequest.onHeadersReceived((details, callback) => {
    // Also set as a <meta> tag in renderer/index.html: header delivery for file:// responses has varied
    // across Electron versions, the meta tag always applies.
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.webRequest.onBeforeRequest((details, callback) => {
    const isAllowed = isAllowedRequest(details.url, options.rendererRoot);
    if (!isAllowed) warn(`Folio blocked a request to ${details.url}`);
    callback({ cancel: !isAllowed });
  });
  session.setPermissionRequestHandler((_webContents, permission, callback, details) =>
    callback(isAllowedPermission(permission, details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => isAllowedPermission(permission, requestingOrigin));
}

/**
 * Every permission is denied except writing text to the clipboard from our own page: the export dialog's
 * "Copy" uses navigator.clipboard.writeText, which Chromium already limits to a focused page with a user
 * gesture. Reading the clipboard stays denied; menu imports read it in main.
 */
export function isAllowedPermission(permission: string, requestingUrl: string | undefined): boolean {
  return permission === 'clipboard-sanitized-write' && parseUrl(requestingUrl ?? '')?.protocol === 'file:';
}

/** Per-page rules, applied to every WebContents the app ever creates. */
export function secureWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>, warn = console.warn): void {
  const refuseNavigation = (event: { preventDefault(): void }, url: string) => {
    if (isAllowedNavigation(contents.getURL(), url)) return;
    event.preventDefault();
    warn(`Folio blocked navigation to ${url}`);
  };
  contents.on('will-navigate', (event) => refuseNavigation(event, event.url));
  contents.on('will-redirect', (event) => refuseNavigation(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) {
      shell.openExternal(url).catch((error: unknown) => warn(`Folio could not open ${url}: ${String(error)}`));
    } else {
      warn(`Folio refused to open ${url}`);
    }
    return { action: 'deny' };
  });
}

/** Installs both layers: call once, after `app` is ready and before the first window. */
export function installSecurity(deps: { app: App; session: Session; shell: Pick<Shell, 'openExternal'> }, options: SecurityOptions): void {
  secureSession(deps.session, options);
  deps.app.on('web-contents-created', (_event, contents) => secureWebContents(contents, deps.shell, options.warn));
}
