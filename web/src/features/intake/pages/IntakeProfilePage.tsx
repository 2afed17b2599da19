import { useEffect, useState } from 'react';
import { Button, Checkbox, Group, NativeSelect, Radio, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AGE_RANGES, MATCH_TOPICS } from '@hearth/contracts';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../lib/api-client.ts';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { detectTimeZone } from '../../../lib/time.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { LanguagesField, TimeZoneField } from '../../profile/components/ProfileFields.tsx';
import { WeeklyWindowsField } from '../../profile/components/WeeklyWindowsField.tsx';
import { deleteProfile, getProfile, saveProfile, type IntakeProfile, type ProfileBody } from '../api.ts';


const empty = (): ProfileBody => ({
  whatBrings: '', challenges: [], communities: [], languages: [], timezone: detectTimeZone(), availability: [], format: 'any', place: null,
  supporter: { gender: null, ageRange: null, livedExperience: [] },
});
const fromProfile = (p: IntakeProfile): ProfileBody => ({ ...p, place: p.place?.label ?? null });

/** The intake profile: everything optional but the first line; editable and deletable. */
export function IntakeProfilePage() {
  const { t } = useTranslation();
  usePageTitle(t('intake.profile.title'));
  const client = useQueryClient();
  const profile = useQuery({ queryKey: ['intake', 'profile'], queryFn: getProfile });
  const [form, setForm] = useState<ProfileBody>(empty);
  useEffect(() => {
    if (profile.data?.profile) setForm(fromProfile(profile.data.profile));
  }, [profile.data]);
  const save = useMutation({ mutationFn: saveProfile, onSuccess: () => client.invalidateQueries({ queryKey: ['intake', 'profile'] }) });
  const remove = useMutation({ mutationFn: deleteProfile, onSuccess: () => { setForm(empty()); void client.invalidateQueries({ queryKey: ['intake', 'profile'] }); } });
  const set = <K extends keyof ProfileBody>(key: K, value: ProfileBody[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    save.reset();
  };

  if (profile.isPending) return <Loading />;
  if (profile.isError) return <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ ...form, place: form.place?.trim() ? form.place.trim() : null });
      }}
    >
      <Stack gap="md">
        <Title order={1}>{t('intake.profile.title')}</Title>
        <Text>{t('intake.profile.intro')}</Text>
        <Textarea label={t('intake.profile.whatBrings')} required value={form.whatBrings} onChange={(e) => set('whatBrings', e.currentTarget.value)} autosize minRows={2} maxLength={2000} error={fieldError(save.error, 'whatBrings')} />
        <Checkbox.Group label={t('intake.profile.challenges')} value={form.challenges} onChange={(v) => set('challenges', v)}>
          <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} mt="xs" spacing="xs">
            {MATCH_TOPICS.map((x) => (
              <Checkbox key={x} value={x} label={t(`matching.topics.${x}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <LanguagesField value={form.languages} onChange={(v) => set('languages', v)} error={fieldError(save.error, 'languages')} />
        <TimeZoneField value={form.timezone ?? detectTimeZone()} onChange={(v) => set('timezone', v)} error={fieldError(save.error, 'timezone')} />
        <WeeklyWindowsField
          value={form.availability}
          onChange={(v) => set('availability', v)}
          errorFor={(path) => fieldError(save.error, path)}
          newWindow={{ weekday: 2, start: '18:00', end: '21:00' }}
          labels={{ legend: t('intake.profile.availability'), weekday: t('intake.profile.weekday'), from: t('intake.profile.from'), to: t('intake.profile.to'), remove: t('intake.profile.removeWindow'), add: t('intake.profile.addWindow') }}
        />
        <Radio.Group label={t('intake.profile.format')} value={form.format} onChange={(v) => set('format', v as ProfileBody['format'])}>
          <Group mt="xs">
            {(['any', 'online', 'in_person', 'hybrid'] as const).map((f) => (
              <Radio key={f} value={f} label={t(`intake.profile.formats.${f}`)} />
            ))}
          </Group>
        </Radio.Group>
        <TextInput label={t('intake.profile.place')} description={t('intake.profile.placeHelp')} value={form.place ?? ''} onChange={(e) => set('place', e.currentTarget.value)} maxLength={80} error={fieldError(save.error, 'place')} />
        <Title order={2} size="h3">
          {t('intake.profile.supporterTitle')}
        </Title>
        <TextInput label={t('intake.profile.supporterGender')} value={form.supporter.gender ?? ''} onChange={(e) => set('supporter', { ...form.supporter, gender: e.currentTarget.value || null })} maxLength={40} />
        <NativeSelect
          label={t('intake.profile.supporterAge')}
          data={[{ value: '', label: t('intake.profile.noPreference') }, ...AGE_RANGES.map((a) => ({ value: a, label: a }))]}
          value={form.supporter.ageRange ?? ''}
          onChange={(e) => set('supporter', { ...form.supporter, ageRange: e.currentTarget.value || null })}
        />
        <Checkbox.Group label={t('intake.profile.supporterExperience')} value={form.supporter.livedExperience} onChange={(v) => set('supporter', { ...form.supporter, livedExperience: v })}>
          <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} mt="xs" spacing="xs">
            {MATCH_TOPICS.map((x) => (
              <Checkbox key={x} value={x} label={t(`matching.topics.${x}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <FormError error={save.error ?? remove.error} />
        {save.isSuccess && (
          <Text role="status" fw={600} c="forest.9">
            {t('intake.profile.saved')}
          </Text>
        )}
        {remove.isSuccess && <Text role="status">{t('intake.profile.deletedNotice')}</Text>}
        <Group gap="xs">
          <Button type="submit" loading={save.isPending}>
            {t('intake.profile.save')}
          </Button>
          {profile.data?.profile && (
            <Button variant="outline" color="ember.9" onClick={() => remove.mutate()} loading={remove.isPending}>
              {t('intake.profile.delete')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
