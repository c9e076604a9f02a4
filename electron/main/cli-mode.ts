// Whether this launch of the app is the command line: `folio list`, `folio --library ~/lib search rl`. The app's own
// binary is the `folio` a package puts on the PATH (the deb links /usr/bin/folio to it), so main decides from argv
// before it boots a window: a first positional argument that is a CLI command means the CLI; anything else (no
// argument, `--library DIR`, Chromium's switches, a file the desktop passed) is the app.

/** Options the CLI and the app share, which take a value as the next argument. */
const OPTIONS_WITH_VALUE = new Set(['--library', '--format', '--name', '--source']);

/**
 * The CLI's arguments when this launch is the command line, else null. `defaultApp`: Electron runs an app folder or
 * script given on its command line (a checkout: `electron . list`), whose path precedes the user's arguments.
 */
export function cliArgumentsOf(argv: readonly string[], commands: readonly string[], defaultApp: boolean): string[] | null {
  let rest = argv.slice(1);
  if (defaultApp) {
    const appPath = rest.findIndex((arg) => !arg.startsWith('-'));
    if (appPath === -1) return null;
    rest = rest.slice(appPath + 1);
  }
  if (rest.includes('-h') || rest.includes('--help')) return rest.filter((arg) => !isChromiumSwitch(arg));
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--') return null;
    if (OPTIONS_WITH_VALUE.has(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    return commands.includes(arg) ? rest.filter((other) => !isChromiumSwitch(other)) : null;
  }
  return null;
}

/** A switch Chromium or Node adds to a launch (Playwright's --inspect=0, macOS's old -psn_…), never a CLI option. */
function isChromiumSwitch(arg: string): boolean {
  return /^--(inspect|remote-debugging-port|no-sandbox|enable-logging|disable-gpu|ozone-platform)/.test(arg) || arg.startsWith('-psn_');
}
