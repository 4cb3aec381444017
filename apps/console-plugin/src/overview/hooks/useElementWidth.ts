import { useEffect, useState } from 'react';

/**
 * The width of the element the returned callback ref is put on, kept current as the layout
 * changes. A chart drawn at its container's width keeps its labels at the page's font size instead
 * of scaling them. A callback ref, because the element may appear only once the data has loaded.
 */
export const useElementWidth = <T extends HTMLElement>(initial: number) => {
  const [element, setElement] = useState<T | null>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    if (!element) return undefined;
    const observer = new ResizeObserver(([entry]) => {
      if (entry && entry.contentRect.width > 0) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, width] as const;
};
