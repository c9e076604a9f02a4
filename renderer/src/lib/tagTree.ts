// The sidebar's tag tree: tags named with `/` paths ("ml/rl") nest under their parent ("ml"), which shows even when
// no paper carries it itself. Sorting and the sidebar's filter work on the tree; pure, so it is table-tested.
import type { TagSummary } from '../../../electron/core/api.js';

export interface TagNode {
  /** The full path ("ml/rl"): what a scope or a `tag:` filter names. */
  name: string;
  /** The last segment ("rl"). */
  label: string;
  /** The tag itself; null for a parent that only exists as a prefix of other tags. */
  tag: TagSummary | null;
  /** Papers with this tag or a tag under it, counted tag by tag (a paper with both counts twice): for sorting only. */
  weight: number;
  children: TagNode[];
}

export const SIDEBAR_SORTS = ['name', 'count'] as const;
export type SidebarSort = (typeof SIDEBAR_SORTS)[number];

export function buildTagTree(tags: readonly TagSummary[]): TagNode[] {
  const roots: TagNode[] = [];
  const byName = new Map<string, TagNode>();
  const nodeFor = (path: readonly string[]): TagNode => {
    const name = path.join('/');
    const existing = byName.get(name);
    if (existing) return existing;
    const node: TagNode = { name, label: path[path.length - 1] ?? name, tag: null, weight: 0, children: [] };
    byName.set(name, node);
    (path.length > 1 ? nodeFor(path.slice(0, -1)).children : roots).push(node);
    return node;
  };
  for (const tag of tags) {
    // Empty segments ("a//b", "/x") would make nameless nodes: such a tag stays one flat node.
    const path = tag.path.length > 0 && tag.path.every((segment) => segment !== '') ? tag.path : [tag.name];
    const node = nodeFor(path);
    node.tag = tag;
    node.name = tag.name;
  }
  const weigh = (node: TagNode): number => (node.weight = (node.tag?.count ?? 0) + node.children.reduce((sum, child) => sum + weigh(child), 0));
  roots.forEach(weigh);
  return roots;
}

const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, undefined, { sensitivity: 'base', numeric: true });

/** Siblings by name, or by count (most first, ties by name); children sorted the same way. */
export function sortTagTree(nodes: readonly TagNode[], sort: SidebarSort): TagNode[] {
  const sorted = [...nodes].sort(sort === 'count' ? (a, b) => b.weight - a.weight || byLabel(a, b) : byLabel);
  return sorted.map((node) => (node.children.length > 0 ? { ...node, children: sortTagTree(node.children, sort) } : node));
}

/** Whether a name matches the sidebar's filter (case-insensitive substring; a blank filter matches everything). */
export function matchesFilter(name: string, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  return needle === '' || name.toLowerCase().includes(needle);
}

/**
 * The tree narrowed to tags whose path matches the filter, with their ancestors (shown, to place them) and, for a
 * matching parent, everything under it. `hidden` counts the tags left out.
 */
export function filterTagTree(nodes: readonly TagNode[], filter: string): { nodes: TagNode[]; hidden: number } {
  if (filter.trim() === '') return { nodes: [...nodes], hidden: 0 };
  let hidden = 0;
  const visit = (node: TagNode): TagNode | null => {
    if (matchesFilter(node.name, filter)) return node;
    const children = node.children.map(visit).filter((child): child is TagNode => child !== null);
    if (children.length > 0) return { ...node, children };
    if (node.tag) hidden++;
    return null;
  };
  return { nodes: nodes.map(visit).filter((node): node is TagNode => node !== null), hidden };
}

/** Parents (nodes with children), whose own count must come from the core: a paper may carry several of their tags. */
export function parentNames(nodes: readonly TagNode[]): string[] {
  const names: string[] = [];
  const visit = (node: TagNode) => {
    if (node.children.length === 0) return;
    names.push(node.name);
    node.children.forEach(visit);
  };
  nodes.forEach(visit);
  return names;
}
