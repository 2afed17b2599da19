import { useEffect } from 'react';

/** Sets the document title to "<title> · Hearth" so screen reader users hear where they are. */
export function usePageTitle(title: string | undefined | null) {
  useEffect(() => {
    document.title = title ? `${title} · Hearth` : 'Hearth';
  }, [title]);
}
