import { Button } from '@mantine/core';
import { AppModal } from '../../../lib/components/AppModal.tsx';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { CrisisHelpContent } from './CrisisHelpContent.tsx';

/** The "Get help now" button in every page's header. It opens crisis lines without needing the API. */
export function GetHelpButton() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button color="red.9" onClick={open} size="sm" aria-haspopup="dialog" style={{ minHeight: 40 }}>
        {t('help.button')}
      </Button>
      <AppModal opened={opened} onClose={close} title={t('help.dialogTitle')} size="lg">
        <CrisisHelpContent />
      </AppModal>
    </>
  );
}
