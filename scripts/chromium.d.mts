/** The executable to launch, or undefined for Playwright's own Chromium. */
export function chosenChromium(): string | undefined;
