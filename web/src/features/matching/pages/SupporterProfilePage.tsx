import { useEffect, useState } from 'react';
import { Button, Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AGE_RANGES, MATCH_TOPICS } from '@hearth/contracts';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../lib/api-client.ts';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { WeeklyWindowsField } from '../../profile/components/WeeklyWindowsField.tsx';
import { getSupporterProfile, saveSupporterProfile, type SupporterProfile } from '../api.ts';

type Form = Omit<SupporterProfile, 'userId'>;

/** A peer supporter's own matching profile: lived experience, free times, load, and (only if they choose) gender and age. */
export function SupporterProfilePage() {
  const { t } = useTranslation();
  usePageTitle(t('matching.supporterProfile.title'));
  const client = useQueryClient();
  const profile = useQuery({ queryKey: ['matching', 'supporter-profile'], queryFn: getSupporterProfile });
  const [form, setForm] = useState<Form | null>(null);
  useEffect(() => {
    if (profile.data) {
      const { userId: _id, ...rest } = profile.data;
      setForm(rest);
    }
  }, [profile.data]);
  const save = useMutation({ mutationFn: saveSupporterProfile, onSuccess: () => client.invalidateQueries({ queryKey: ['matching', 'supporter-profile'] }) });
  if (profile.isPending || (!form && !profile.isError)) return <Loading />;
  if (profile.isError) return <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />;
  const f = form!;
  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm({ ...f, [key]: value });
    save.reset();
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ ...f, gender: f.gender?.trim() ? f.gender.trim() : null });
      }}
    >
      <Stack gap="md">
        <Title order={1}>{t('matching.supporterProfile.title')}</Title>
        <Text>{t('matching.supporterProfile.intro')}</Text>
        <Checkbox.Group label={t('matching.supporterProfile.livedExperience')} description={t('matching.supporterProfile.livedExperienceHelp')} value={f.livedExperience} onChange={(v) => set('livedExperience', v)} error={fieldError(save.error, 'livedExperience')}>
          <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} mt="xs" spacing="xs">
            {MATCH_TOPICS.map((x) => (
              <Checkbox key={x} value={x} label={t(`matching.topics.${x}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <WeeklyWindowsField
          value={f.availability}
          onChange={(v) => set('availability', v)}
          errorFor={(path) => fieldError(save.error, path)}
          labels={{ legend: t('matching.supporterProfile.availability'), help: t('matching.supporterProfile.availabilityHelp'), weekday: t('matching.supporterProfile.weekday'), from: t('matching.supporterProfile.from'), to: t('matching.supporterProfile.to'), remove: t('matching.supporterProfile.removeWindow'), add: t('matching.supporterProfile.addWindow') }}
        />
        <Switch label={t('matching.supporterProfile.accepting')} checked={f.acceptingRequests} onChange={(e) => set('acceptingRequests', e.currentTarget.checked)} />
        <NumberInput label={t('matching.supporterProfile.maxCaseload')} min={0} max={20} value={f.maxCaseload} onChange={(v) => set('maxCaseload', typeof v === 'number' ? v : Number(v) || 0)} error={fieldError(save.error, 'maxCaseload')} />
        <TextInput label={t('matching.supporterProfile.gender')} value={f.gender ?? ''} maxLength={40} onChange={(e) => set('gender', e.currentTarget.value || null)} error={fieldError(save.error, 'gender')} />
        <NativeSelect
          label={t('matching.supporterProfile.ageRange')}
          data={[{ value: '', label: t('matching.supporterProfile.noAnswer') }, ...AGE_RANGES.map((a) => ({ value: a, label: a }))]}
          value={f.ageRange ?? ''}
          onChange={(e) => set('ageRange', (e.currentTarget.value || null) as Form['ageRange'])}
        />
        <FormError error={save.error} />
        {save.isSuccess && (
          <Text role="status" fw={600} c="forest.9">
            {t('matching.supporterProfile.saved')}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('matching.supporterProfile.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
