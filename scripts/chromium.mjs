// Which Chromium the end-to-end tests drive: FOLIO_CHROMIUM, else a system one (Debian's, where Playwright's own
// download is impossible), else Playwright's own, which `npm test` installs the first time it is missing.
import { existsSync } from 'node:fs';

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The executable to launch, or undefined for Playwright's own Chromium. */
export function chosenChromium() {
  return process.env.FOLIO_CHROMIUM ?? SYSTEM_CHROMIUMS.find((file) => existsSync(file));
}
