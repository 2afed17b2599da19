import { useId, useState } from 'react';
import { Alert, Anchor, Button, Group, NativeSelect, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { INTERNATIONAL_DIRECTORIES, type CrisisLine } from '@hearth/contracts';
import { useMe } from '../../auth/hooks.ts';
import { countryName } from '../../../lib/options.ts';
import { chooseCountry, emergencyHref, linesFor, listedCountries, smsHref, telHref } from '../crisis.ts';

const OTHER = 'other';

function browserLocales(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/**
 * Crisis lines for the person's country, the emergency number, and international directories.
 * Built only from bundled data so it works when the API is down.
 */
export function CrisisHelpContent({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [country, setCountry] = useState<string>(() => {
    const chosen = chooseCountry(me?.country, browserLocales());
    return chosen && linesFor(chosen) ? chosen : OTHER;
  });
  const pickerId = useId();
  const entry = country === OTHER ? null : linesFor(country);

  return (
    <Stack gap="md">
      <Alert color="red" variant="light" title={t('help.emergencyTitle')} styles={{ title: { color: '#8f1d1d' } }}>
        <Stack gap="xs">
          <Text c="#3b0d0d">{t('help.emergencyBody')}</Text>
          {entry && (
            <Button component="a" href={emergencyHref(entry.emergency)} color="red.9" size="md" aria-label={t('help.callEmergencyLabel', { number: entry.emergency })}>
              {t('help.callEmergency', { number: entry.emergency })}
            </Button>
          )}
        </Stack>
      </Alert>

      <NativeSelect
        id={pickerId}
        label={t('help.countryLabel')}
        description={t('help.countryDescription')}
        value={country}
        onChange={(e) => setCountry(e.currentTarget.value)}
        data={[...listedCountries().map((c) => ({ value: c.code, label: countryName(c.code, i18n.language) })), { value: OTHER, label: t('help.otherCountry') }]}
      />

      {entry ? (
        <Stack gap="sm">
          <Title order={headingLevel} size="h4">
            {t('help.linesIn', { country: countryName(entry.country, i18n.language) })}
          </Title>
          {entry.lines.map((line) => (
            <LineCard key={line.name} line={line} headingLevel={(headingLevel + 1) as 3 | 4} />
          ))}
        </Stack>
      ) : (
        <Text>{t('help.noLinesForCountry')}</Text>
      )}

      <Stack gap="sm">
        <Title order={headingLevel} size="h4">
          {t('help.directoriesTitle')}
        </Title>
        {INTERNATIONAL_DIRECTORIES.map((line) => (
          <LineCard key={line.name} line={line} headingLevel={(headingLevel + 1) as 3 | 4} />
        ))}
      </Stack>
      <Text size="sm" c="dimmed">
        {t('help.privacyNote')}
      </Text>
    </Stack>
  );
}

/** One crisis line: name, what it offers, hours, and one-tap call/text/website. */
export function LineCard({ line, headingLevel }: { line: CrisisLine; headingLevel: 3 | 4 | 5 }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap={6}>
        <Title order={headingLevel} size="h5">
          {line.name}
        </Title>
        <Text size="sm">{line.description}</Text>
        <Text size="sm" c="dimmed">
          {t('help.hours', { hours: line.hours })}
        </Text>
        <Group gap="xs">
          {line.phone && (
            <Button component="a" href={telHref(line.phone)} variant="filled" size="sm" aria-label={t('help.callLabel', { name: line.name, number: line.phone })}>
              {t('help.call', { number: line.phone })}
            </Button>
          )}
          {line.text && (
            <Button component="a" href={smsHref(line.text)} variant="outline" size="sm" aria-label={t('help.textLabel', { name: line.name, text: line.text })}>
              {t('help.text', { text: line.text })}
            </Button>
          )}
          {line.url && (
            <Anchor href={line.url} target="_blank" rel="noopener noreferrer" size="sm" py={4}>
              {t('help.website', { name: line.name })}
              <VisuallyHidden> {t("common.opensInNewTab")}</VisuallyHidden>
            </Anchor>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
