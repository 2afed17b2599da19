import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Mantine's Modal with a plain <div> header: its default <header> adds a second "banner" landmark to the page,
 * which confuses landmark navigation in screen readers.
 */
export function AppModal({ opened, onClose, title, size, children }: { opened: boolean; onClose: () => void; title: React.ReactNode; size?: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Modal.Root opened={opened} onClose={onClose} size={size}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title fw={650} fz="lg">
            {title}
          </Modal.Title>
          <Modal.CloseButton aria-label={t('common.close')} />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
