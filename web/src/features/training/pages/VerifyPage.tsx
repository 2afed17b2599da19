import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client.ts';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { detectTimeZone } from '../../../lib/time.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { formatDate } from '../format.ts';
import { useVerification } from '../hooks.ts';

/** Public (no sign-in): whether a certificate is valid, expired or revoked, with only the name its holder chose. */
export function VerifyPage() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation();
  usePageTitle(t('training.verify.title'));
  const v = useVerification(code);
  const zone = detectTimeZone();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('training.verify.title')}</Title>
        <Text>{t('training.verify.intro')}</Text>
      </Stack>
      {v.isPending ? (
        <Loading />
      ) : v.isError ? (
        v.error instanceof ApiError && v.error.status === 404 ? <Alert color="yellow" role="status">{t('training.verify.notFound')}</Alert> : <ErrorState error={v.error} onRetry={() => void v.refetch()} />
      ) : (
        <>
          <Alert color={v.data.status === 'valid' ? 'green' : 'red'} role="status" title={t(`training.verify.${v.data.status}`)}>
            {t('training.verify.holder')}: {v.data.holderName}
          </Alert>
          <Table>
            <Table.Tbody>
              <Table.Tr><Table.Th scope="row">{t('training.verify.certificate')}</Table.Th><Table.Td>{t(`training.certificates.kinds.${v.data.kind}`)}</Table.Td></Table.Tr>
              <Table.Tr><Table.Th scope="row">{t('training.verify.holder')}</Table.Th><Table.Td>{v.data.holderName}</Table.Td></Table.Tr>
              <Table.Tr><Table.Th scope="row">{t('training.verify.organization')}</Table.Th><Table.Td>{v.data.organization}</Table.Td></Table.Tr>
              <Table.Tr><Table.Th scope="row">{t('training.verify.issued')}</Table.Th><Table.Td>{formatDate(v.data.issuedAt, zone, i18n.language)}</Table.Td></Table.Tr>
              <Table.Tr><Table.Th scope="row">{t('training.verify.expires')}</Table.Th><Table.Td>{formatDate(v.data.expiresAt, zone, i18n.language)}</Table.Td></Table.Tr>
              {v.data.revokedAt && <Table.Tr><Table.Th scope="row">{t('training.verify.revokedOn')}</Table.Th><Table.Td>{formatDate(v.data.revokedAt, zone, i18n.language)}</Table.Td></Table.Tr>}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
