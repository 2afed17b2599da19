import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/hooks.ts';
import { countryName } from '../../../lib/options.ts';
import { LineCard } from '../../help/components/CrisisHelpContent.tsx';
import { chooseCountry, linesFor } from '../../help/crisis.ts';

function browserLocales(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/** The crisis lines for the person's country (bundled data, works offline), with a link to every other country. */
export function CountryLines({ headingLevel = 3, limit = 2 }: { headingLevel?: 3 | 4; limit?: number }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const entry = linesFor(chooseCountry(me?.country, browserLocales()));
  return (
    <Stack gap="xs">
      {entry ? (
        <>
          <Title order={headingLevel} size="h5">
            {t('safety.card.linesIn', { country: countryName(entry.country, i18n.language) })}
          </Title>
          {entry.lines.slice(0, limit).map((line) => (
            <LineCard key={line.name} line={line} headingLevel={(headingLevel + 1) as 4 | 5} />
          ))}
        </>
      ) : (
        <Text size="sm">{t('safety.card.noCountryLines')}</Text>
      )}
      <Anchor component={Link} to="/help" size="sm">
        {t('safety.card.allLines')}
      </Anchor>
    </Stack>
  );
}
