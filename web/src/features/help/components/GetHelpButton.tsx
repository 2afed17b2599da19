import { Anchor, Button } from '@mantine/core';
import { Link } from 'react-router';
import { useMe } from '../../auth/hooks.ts';
import { AppModal } from '../../../lib/components/AppModal.tsx';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { CrisisHelpContent } from './CrisisHelpContent.tsx';

/** The "Get help now" button in every page's header. It opens crisis lines without needing the API. */
export function GetHelpButton() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const me = useMe();
  return (
    <>
      <Button color="red.9" onClick={open} size="sm" aria-haspopup="dialog" style={{ minHeight: 40 }}>
        {t('help.button')}
      </Button>
      <AppModal opened={opened} onClose={close} title={t('help.dialogTitle')} size="lg">
        <CrisisHelpContent />
        {me && (
          <Anchor component={Link} to="/safety-plan" onClick={close} display="inline-block" mt="md" fw={600}>
            {t('safety.card.planLink')}
          </Anchor>
        )}
      </AppModal>
    </>
  );
}
