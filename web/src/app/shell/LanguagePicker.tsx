import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SUPPORTED_LANGUAGES, setLanguage } from '../../i18n/index.ts';

/** Lets a person choose the interface language; remembered on this device. */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      size="sm"
      label={t('shell.language')}
      value={SUPPORTED_LANGUAGES.some((l) => l.code === i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en'}
      onChange={(e) => setLanguage(e.currentTarget.value)}
      data={SUPPORTED_LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
      styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 }, label: { marginBottom: 0 } }}
    />
  );
}
