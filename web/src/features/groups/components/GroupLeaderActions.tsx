import { Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../lib/components/AppModal.tsx';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import type { GroupDetail } from '../api.ts';
import { useArchiveGroup } from '../hooks.ts';

/** Edit and archive, shown only when the server says the viewer may. */
export function GroupLeaderActions({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const archive = useArchiveGroup(group.id);
  const [confirmOpen, confirm] = useDisclosure(false);
  if (!group.abilities.edit && !group.abilities.archive) return null;

  return (
    <>
      <Group gap="xs">
        {group.abilities.edit && (
          <Button component={Link} to={`/groups/${group.id}/edit`} variant="outline" size="sm">
            {t('groupAdmin.edit')}
          </Button>
        )}
        {group.abilities.archive && (
          <Button variant="outline" color="red.9" size="sm" onClick={confirm.open}>
            {t('groupAdmin.archive')}
          </Button>
        )}
      </Group>
      <AppModal opened={confirmOpen} onClose={confirm.close} title={t('groupAdmin.archiveConfirmTitle')}>
        <Stack>
          <Text>{t('groupAdmin.archiveConfirmBody')}</Text>
          <FormError error={archive.error} />
          <Group justify="flex-end">
            <Button variant="outline" onClick={confirm.close}>
              {t('groupAdmin.keepGroup')}
            </Button>
            <Button color="red.9" loading={archive.isPending} onClick={() => archive.mutate(undefined, { onSuccess: confirm.close })}>
              {t('groupAdmin.archiveConfirm')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </>
  );
}
