// The three panes' widths and visibility, kept across sessions. Widths are shares of the window (older versions kept
// pixels: those become shares of today's window).
import { useCallback } from 'react';
import { isFraction, paneLayout } from '../lib/paneLayout.js';
import { isBoolean, isNumber, readStored } from '../lib/storage.js';
import { usePersistentState } from './usePersistentState.js';
import { useWindowWidth } from './useWindowWidth.js';

export function usePanes() {
  const windowWidth = useWindowWidth();
  const [sidebarFraction, setSidebarFraction] = usePersistentState('folio.sidebarFraction', readStored('folio.sidebarWidth', 220, isNumber) / windowWidth, isFraction);
  const [listFraction, setListFraction] = usePersistentState('folio.listFraction', readStored('folio.listWidth', 520, isNumber) / windowWidth, isFraction);
  const [isSidebarShown, setSidebarShown] = usePersistentState('folio.sidebarShown', true, isBoolean);
  const [isDetailShown, setDetailShown] = usePersistentState('folio.detailShown', true, isBoolean);
  const layout = paneLayout(windowWidth, { sidebar: sidebarFraction, list: listFraction }, { sidebar: isSidebarShown, detail: isDetailShown });
  const showDetails = useCallback(() => setDetailShown(true), [setDetailShown]);
  const toggleSidebar = useCallback(() => setSidebarShown((shown) => !shown), [setSidebarShown]);
  const toggleDetails = useCallback(() => setDetailShown((shown) => !shown), [setDetailShown]);
  const resizeSidebar = useCallback((px: number) => setSidebarFraction(px / windowWidth), [setSidebarFraction, windowWidth]);
  const resizeList = useCallback((px: number) => setListFraction(px / windowWidth), [setListFraction, windowWidth]);
  return { layout, isSidebarShown, isDetailShown, showDetails, toggleSidebar, toggleDetails, resizeSidebar, resizeList };
}
