// Site chrome: navigation, buttons, tabs, sort controls and footer text that "select all, copy" drags along with
// the profile. Detection is by whole line only (a line that *is* a known UI label), never by substring, so a title
// or abstract that merely contains "Share" or "Terms" is never touched.

const UI_LABELS = new Set([
  // navigation / header
  'home', 'search', 'sign in', 'sign out', 'log in', 'log out', 'login', 'logout', 'sign up', 'register',
  'menu', 'explore', 'trending', 'skip to content', 'skip to main content', 'skip navigation', 'notifications',
  'settings', 'dashboard', 'feed', 'my library', 'toggle navigation', 'toggle theme', 'dark mode', 'light mode',
  'open menu', 'close menu', 'close', 'back', 'discover', 'leaderboard', 'rankings',
  // profile buttons
  'follow', 'following', 'unfollow', 'share', 'message', 'edit profile', 'claim profile', 'claim this profile',
  'copy link', 'report', 'verified', 'more', 'more options',
  // tabs
  'papers', 'overview', 'co-authors', 'coauthors', 'collaborators', 'publications', 'activity', 'stats', 'metrics',
  'all', 'similar authors', 'related authors',
  // sort / filter controls
  'sort', 'sort by', 'newest', 'oldest', 'most cited', 'most recent', 'recent', 'relevance', 'filter', 'filters',
  'date', 'year', 'all years', 'any time',
  // per-paper buttons
  'pdf', 'cite', 'save', 'saved', 'bookmark', 'show more', 'show less', 'read more', 'see more', 'view more',
  'show all', 'see all', 'view all', 'expand', 'collapse', 'abstract', 'code',
  // footer
  'load more', 'loading', 'loading...', 'back to top', 'about', 'about us', 'privacy', 'privacy policy', 'terms',
  'terms of service', 'terms of use', 'cookies', 'cookie settings', 'cookie policy', 'contact', 'contact us', 'help',
  'faq', 'blog', 'pricing', 'careers', 'api', 'status', 'feedback', 'imprint', 'accessibility', 'next', 'previous',
  'prev', 'newer', 'older', 'all rights reserved',
]);

// Decorations that buttons carry: "+ Follow", "Newest ▾", "› Next", "Share ↗".
const DECORATION = /^[\s+✓✔★☆›»«‹<>←→↑↓↗▾▼▲⌄•·|:-]+|[\s+✓✔★☆›»«‹<>←→↑↓↗▾▼▲⌄•·|:-]+$/gu;
const LIST_SEPARATOR = /\s*(?:[·•|]|\s\/\s)\s*/;
const PATTERNS: readonly RegExp[] = [
  /^(?:©|\(c\)|copyright\b)/i, // "© 2025 ScholarHub", "Copyright 2025 …"
  /^sort(?:ed)? by\b/i, // "Sort by: Newest"
  // search-box placeholder: "Search papers, authors…", "Search…"
  /^search(?: for)? (?:papers|authors|researchers|people|profiles|topics)\b.{0,40}$|^search\b.{0,40}(?:…|\.\.\.)$/i,
  /^skip to\b/i,
  /^(?:showing|displaying) \d/i, // "Showing 1–12 of 40"
  /^page \d+(?: of \d+)?$/i,
];
const MAX_CHROME_LINE = 80;

// Pagination rows are checked token by token (no regex over the whole line, so no backtracking).
const PAGE_NUMBER = /^\d{1,4}$/;
const PAGE_WORD = /^(?:prev|previous|next|first|last|«|‹|<|›|»|>|…|\.\.\.|←|→)$/i;

/** "1 2 3 Next", "‹ Prev 1 2 3 Next ›", "« 1 … 9 »": page numbers plus at least one word or arrow. */
function isPaginationRow(line: string): boolean {
  let words = 0;
  for (const token of line.split(' ')) {
    if (PAGE_WORD.test(token)) words++;
    else if (!PAGE_NUMBER.test(token)) return false;
  }
  return words > 0;
}

function isLabel(text: string): boolean {
  return UI_LABELS.has(text.replace(DECORATION, '').toLowerCase());
}

/**
 * Whether a whole line is site chrome: a known UI label (ignoring button decorations), a " · "/"|"-separated list
 * of them ("About · Privacy · Terms"), a copyright line, a sort control, or a pagination control with words or
 * arrows ("1 2 3 Next"). Pure number lines ("1 2 3") are NOT chrome here, because in the header a bare number is
 * a metric value; see isFooterLine for the end of the page.
 */
export function isChromeLine(line: string): boolean {
  if (line === '' || line.length > MAX_CHROME_LINE) return false;
  if (isLabel(line)) return true;
  for (const pattern of PATTERNS) if (pattern.test(line)) return true;
  if (isPaginationRow(line)) return true;
  const parts = line.split(LIST_SEPARATOR).filter((p) => p !== '');
  return parts.length > 1 && parts.every(isLabel);
}

/** Footer chrome at the very end of the page: chrome lines plus bare page-number rows ("1 2 3", "2"). */
export function isFooterLine(line: string): boolean {
  if (isChromeLine(line)) return true;
  if (line === '' || line.length > MAX_CHROME_LINE) return false;
  return line.split(' ').every((t) => PAGE_NUMBER.test(t) || t === '…' || t === '...');
}

const DOMAIN = /^(?:https?:\/\/)?(?:[\w-]+\.)+(?:com|org|net|io|ai|app|dev|edu|co|xyz|info)(?:\/\S*)?$/i;
const CAMEL_BRAND = /^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}*)+$/u;

/**
 * A site-name line such as "ScholarHub" or "paperscope.ai" that precedes the researcher's name in a full-page
 * copy. Recognised by shape: a domain/URL, or a single CamelCase word (people's names on these pages have a space
 * between given and family name, brands usually do not).
 */
export function isSiteBrandLine(line: string): boolean {
  return DOMAIN.test(line) || CAMEL_BRAND.test(line);
}
