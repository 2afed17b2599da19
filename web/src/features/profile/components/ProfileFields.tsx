import { useMemo } from 'react';
import { Checkbox, NativeSelect, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, TOPICS, languageName, listCountries, topicLabel } from '../../../lib/options.ts';
import { listTimeZones } from '../../../lib/time.ts';

/** Time zone picker (every IANA zone the browser knows). */
export function TimeZoneField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const { t } = useTranslation();
  const zones = useMemo(() => listTimeZones(value), [value]);
  return (
    <NativeSelect
      label={t('profile.timezone')}
      description={t('profile.timezoneHelp')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={zones}
      error={error}
    />
  );
}

/** Country picker; empty means "prefer not to say". */
export function CountryField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const { t, i18n } = useTranslation();
  const countries = useMemo(() => listCountries(i18n.language), [i18n.language]);
  return (
    <NativeSelect
      label={t('profile.country')}
      description={t('profile.countryHelp')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[{ value: '', label: t('auth.countryNone') }, ...countries]}
      error={error}
    />
  );
}

/** Languages a person is comfortable in (fieldset of checkboxes). */
export function LanguagesField({ value, onChange, error }: { value: string[]; onChange: (v: string[]) => void; error?: string }) {
  const { t, i18n } = useTranslation();
  const options = useMemo(() => {
    const all = new Set<string>([...LANGUAGES, ...value]);
    return [...all].map((code) => ({ code, label: languageName(code, i18n.language) }));
  }, [value, i18n.language]);
  return (
    <Checkbox.Group label={t('profile.languages')} description={t('profile.languagesHelp')} value={value} onChange={onChange} error={error}>
      <SimpleGrid cols={{ base: 2, sm: 3 }} mt="xs" spacing="xs">
        {options.map((o) => (
          <Checkbox key={o.code} value={o.code} label={o.label} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}

/** Interests (topics), used to suggest groups. */
export function InterestsField({ value, onChange, error }: { value: string[]; onChange: (v: string[]) => void; error?: string }) {
  const { t } = useTranslation();
  const options = useMemo(() => [...new Set<string>([...TOPICS, ...value])], [value]);
  return (
    <Checkbox.Group label={t('profile.interests')} description={t('profile.interestsHelp')} value={value} onChange={onChange} error={error}>
      <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} mt="xs" spacing="xs">
        {options.map((o) => (
          <Checkbox key={o} value={o} label={topicLabel(t, o)} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
