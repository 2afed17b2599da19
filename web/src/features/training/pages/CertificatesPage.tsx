import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../lib/api-client.ts';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useMe, useViewerZone } from '../../auth/hooks.ts';
import type { CertificateKind, MyCertificates } from '../api.ts';
import { formatDate } from '../format.ts';
import { useClaimCertificate, useMyCertificates, useRenewCertificate } from '../hooks.ts';

/** My certificates (status, public page, PDF, renewal), and what each certificate still needs. */
export function CertificatesPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('training.certificates.title'));
  const zone = useViewerZone();
  const mine = useMyCertificates();
  const renew = useRenewCertificate();
  if (mine.isPending) return <Loading />;
  if (mine.isError) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;
  const data = mine.data;
  const held = new Set(data.certificates.filter((c) => c.status === 'valid').map((c) => c.kind));
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('training.certificates.title')}</Title>
        <Text>{t('training.certificates.intro')}</Text>
      </Stack>
      {data.certificates.length === 0 && <Text>{t('training.certificates.none')}</Text>}
      {data.certificates.map((c) => (
        <Paper key={c.id} withBorder p="md" radius="md" component="article" aria-label={t(`training.certificates.kinds.${c.kind}`)}>
          <Stack gap={6}>
            <Group justify="space-between">
              <Title order={2} size="h4">{t(`training.certificates.kinds.${c.kind}`)}</Title>
              <Badge color={c.status === 'valid' ? 'green' : 'red'} variant="light">{t(`training.certificates.status.${c.status}`)}</Badge>
            </Group>
            <Text size="sm">{t('training.certificates.validUntil', { date: formatDate(c.expiresAt, zone, i18n.language) })}</Text>
            <Text size="sm">{t('training.certificates.code', { code: c.code })}</Text>
            <Text size="sm">{t('training.certificates.ceHours', { hours: Math.floor((data.ceMinutesSinceIssue[c.id] ?? 0) / 6) / 10, need: data.settings.renewalCeHours })}</Text>
            <Group gap="md">
              <Anchor href={`/verify/${c.code}`}>{t('training.certificates.publicPage')}</Anchor>
              <Anchor href={`/api/certificates/${c.id}/pdf`} target="_blank" rel="noopener noreferrer">{t('training.certificates.pdf')}</Anchor>
              {c.abilities.renew && (
                <Button size="xs" variant="light" loading={renew.isPending && renew.variables === c.id} onClick={() => renew.mutate(c.id)}>{t('training.certificates.renew')}</Button>
              )}
            </Group>
          </Stack>
        </Paper>
      ))}
      {renew.isError && <ErrorState error={renew.error} />}
      {renew.isSuccess && <Alert color="green" role="status">{t('training.certificates.renewed')}</Alert>}
      {data.eligibility.filter((e) => !held.has(e.kind)).map((e) => (
        <Requirements key={e.kind} eligibility={e} />
      ))}
    </Stack>
  );
}

function Requirements({ eligibility }: { eligibility: MyCertificates['eligibility'][number] }) {
  const { t } = useTranslation();
  const me = useMe();
  const [name, setName] = useState(me?.displayName ?? '');
  const claim = useClaimCertificate();
  const label = t(`training.certificates.kinds.${eligibility.kind}`);
  return (
    <section aria-labelledby={`req-${eligibility.kind}`}>
      <Title order={2} size="h4" id={`req-${eligibility.kind}`} mb="xs">{t('training.certificates.requirementsTitle', { certificate: label })}</Title>
      <List spacing={4}>
        {eligibility.requirements.map((r) => (
          <List.Item key={r.key}>
            {t(`training.certificates.requirements.${r.key}`, { have: r.have, need: r.need })} — {r.met ? t('training.certificates.met') : t('training.certificates.notMet')}
          </List.Item>
        ))}
      </List>
      {eligibility.eligible && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            claim.mutate({ kind: eligibility.kind as CertificateKind, holderName: name });
          }}
        >
          <Stack gap="xs" mt="sm">
            <TextInput label={t('training.certificates.holderName')} description={t('training.certificates.holderNameHelp')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(claim.error, 'holderName')} maxLength={80} />
            {claim.isError && !fieldError(claim.error, 'holderName') && <ErrorState error={claim.error} />}
            <Button type="submit" loading={claim.isPending} style={{ alignSelf: 'flex-start' }}>{t('training.certificates.claim')}</Button>
          </Stack>
        </form>
      )}
    </section>
  );
}
