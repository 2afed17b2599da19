import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/** The top of an on-call page: the way back to the queue, the page's heading and one line saying what it is for. */
export function OnCallHeader({ title, intro }: { title: string; intro: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Anchor component={Link} to="/on-call" size="sm">
        {t('safety.case.back')}
      </Anchor>
      <Stack gap={4}>
        <Title order={1}>{title}</Title>
        <Text>{intro}</Text>
      </Stack>
    </>
  );
}
