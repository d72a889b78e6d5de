import { useEffect, useRef } from 'react';

/**
 * On a phone a page's tab bar scrolls sideways: keeps the open tab (the element with `data-slug={tab}`) in
 * sight inside the returned viewport, without scrolling the page. Pass the ref as the ScrollArea's viewportRef.
 */
export function useActiveTabInView(tab: string) {
  const viewportRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const viewport = viewportRef.current;
    const active = viewport?.querySelector<HTMLElement>(`[data-slug="${tab}"]`);
    if (!viewport || !active) return;
    const left = active.offsetLeft;
    const right = left + active.offsetWidth;
    if (left < viewport.scrollLeft || right > viewport.scrollLeft + viewport.clientWidth) {
      viewport.scrollLeft = Math.max(0, left - 16);
    }
  }, [tab]);
  return viewportRef;
}
