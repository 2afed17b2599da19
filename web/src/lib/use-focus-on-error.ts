import { useEffect, type RefObject } from 'react';

/** After a failed submit, moves focus to the first invalid field so keyboard and screen reader users land on it. */
export function useFocusOnError(formRef: RefObject<HTMLElement | null>, error: unknown) {
  useEffect(() => {
    if (!error) return;
    const frame = requestAnimationFrame(() => {
      const target = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]');
      if (!target) return;
      // A form-level message (no single field to blame) takes focus itself, so focus is not lost to the page.
      if (!target.matches('input, textarea, select, button') && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [error, formRef]);
}
