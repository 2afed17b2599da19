import { useState } from 'react';
import { Button, Fieldset, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../lib/api-client.ts';
import { exactFieldError, type GroupFormProblems, type GroupFormValues } from '../group-form.ts';

type Props = { values: GroupFormValues; update: (patch: Partial<GroupFormValues>) => void; error: unknown; problems: GroupFormProblems };

/** Where an in-person or hybrid group meets: name, address and position (typed, or this device's position). */
export function VenueFields({ values, update, error, problems }: Props) {
  const { t } = useTranslation();
  const [locating, setLocating] = useState(false);
  const [locationError, setLocationError] = useState(false);
  const problem = (key: keyof GroupFormProblems) => (problems[key] ? t(`groupForm.errors.${problems[key]}`) : undefined);

  const fillMyPosition = () => {
    setLocationError(false);
    if (!('geolocation' in navigator)) {
      setLocationError(true);
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        update({ venueLat: pos.coords.latitude.toFixed(5), venueLng: pos.coords.longitude.toFixed(5) });
      },
      () => {
        setLocating(false);
        setLocationError(true);
      },
      { timeout: 15_000, enableHighAccuracy: true },
    );
  };

  return (
    <Fieldset legend={t('groupForm.venue')} styles={{ legend: { fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)' } }}>
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t('groupForm.venueHelp')}
        </Text>
        <TextInput
          label={t('groupForm.venueName')}
          value={values.venueName}
          onChange={(e) => update({ venueName: e.currentTarget.value })}
          error={fieldError(error, 'venue.name') ?? exactFieldError(error, 'venue')}
          maxLength={120}
          required
        />
        <TextInput
          label={t('groupForm.venueAddress')}
          value={values.venueAddress}
          onChange={(e) => update({ venueAddress: e.currentTarget.value })}
          error={fieldError(error, 'venue.address')}
          maxLength={300}
          required
          autoComplete="street-address"
        />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            label={t('groupForm.latitude')}
            value={values.venueLat}
            onChange={(e) => update({ venueLat: e.currentTarget.value })}
            error={problem('venue.lat') ?? fieldError(error, 'venue.lat')}
            inputMode="decimal"
            required
          />
          <TextInput
            label={t('groupForm.longitude')}
            value={values.venueLng}
            onChange={(e) => update({ venueLng: e.currentTarget.value })}
            error={problem('venue.lng') ?? fieldError(error, 'venue.lng')}
            inputMode="decimal"
            required
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('groupForm.positionHelp')}
        </Text>
        <Button variant="outline" size="sm" w="fit-content" onClick={fillMyPosition} loading={locating}>
          {t('groupForm.useMyPosition')}
        </Button>
        {locationError && (
          <Text c="#c92a2a" size="sm" role="alert">
            {t('groupForm.positionDenied')}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
