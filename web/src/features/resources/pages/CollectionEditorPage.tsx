import { useState, type FormEvent } from 'react';
import { Button, Group, MultiSelect, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../lib/api-client.ts';
import { AppModal } from '../../../lib/components/AppModal.tsx';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import type { Collection, CollectionInput } from '../api.ts';
import { useCollections, useDeleteCollection, useResourceSearch, useSaveCollection } from '../hooks.ts';

/** Staff make or change one of their organization's collections (moderators, clinicians, admins; the server checks). */
export function CollectionEditorPage() {
  const { collectionId } = useParams();
  const { t } = useTranslation();
  const collections = useCollections();
  if (!collectionId) return <CollectionForm />;
  if (collections.isPending) return <Loading />;
  if (collections.isError) return <ErrorState error={collections.error} onRetry={() => void collections.refetch()} />;
  const collection = collections.data.collections.find((c) => c.id === collectionId);
  if (!collection?.abilities.edit) return <Text role="alert">{t('resources.collectionEditor.notEditable')}</Text>;
  return <CollectionForm collection={collection} />;
}

function CollectionForm({ collection }: { collection?: Collection }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const heading = collection ? t('resources.collectionEditor.editTitle') : t('resources.collectionEditor.createTitle');
  usePageTitle(heading);
  const save = useSaveCollection(collection?.id);
  const library = useResourceSearch({ limit: 50 });
  const [form, setForm] = useState({
    title: collection?.title ?? '',
    description: collection?.description ?? '',
    language: (collection?.language ?? 'en') as 'en' | 'es',
    resourceIds: collection?.resources.map((r) => r.id) ?? [],
  });
  // Chosen items stay listed even when they are not among the first page of the library.
  const known = new Map([...(collection?.resources ?? []), ...(library.data?.resources ?? [])].map((r) => [r.id, r.title]));
  const options = [...known].map(([value, label]) => ({ value, label }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const body: CollectionInput = { ...form, title: form.title.trim() };
    save.mutate(body, { onSuccess: () => void navigate('/resources#library') });
  }

  return (
    <Stack gap="md">
      <Title order={1}>{heading}</Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={save.error} />
          <TextInput label={t('resources.collectionEditor.title')} required value={form.title} onChange={(e) => {
              const title = e.currentTarget.value;
              setForm((f) => ({ ...f, title }));
            }} error={fieldError(save.error, 'title')} />
          <Textarea
            label={t('resources.collectionEditor.description')}
            description={t('resources.collectionEditor.descriptionHelp')}
            value={form.description}
            onChange={(e) => {
              const description = e.currentTarget.value;
              setForm((f) => ({ ...f, description }));
            }}
            autosize
            minRows={2}
            error={fieldError(save.error, 'description')}
          />
          <Select
            label={t('resources.languageLabel')}
            value={form.language}
            onChange={(v) => v && setForm((f) => ({ ...f, language: v as 'en' | 'es' }))}
            data={[{ value: 'en', label: t('resources.languages.en') }, { value: 'es', label: t('resources.languages.es') }]}
            allowDeselect={false}
          />
          {library.isError && <ErrorState error={library.error} onRetry={() => void library.refetch()} />}
          <MultiSelect
            label={t('resources.collectionEditor.resources')}
            description={t('resources.collectionEditor.resourcesHelp')}
            data={options}
            value={form.resourceIds}
            onChange={(resourceIds) => setForm((f) => ({ ...f, resourceIds }))}
            searchable
            nothingFoundMessage={t('resources.collectionEditor.nothingFound')}
            error={fieldError(save.error, 'resourceIds')}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('resources.collectionEditor.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      {collection && <DeleteCollection collection={collection} />}
    </Stack>
  );
}

function DeleteCollection({ collection }: { collection: Collection }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteCollection();
  const [opened, dialog] = useDisclosure(false);
  return (
    <>
      <Group>
        <Button variant="outline" color="red.9" onClick={dialog.open}>
          {t('resources.collectionEditor.remove')}
        </Button>
      </Group>
      <AppModal opened={opened} onClose={dialog.close} title={t('resources.collectionEditor.removeConfirmTitle', { title: collection.title })}>
        <Stack>
          <Text>{t('resources.collectionEditor.removeConfirmBody')}</Text>
          <FormError error={remove.error} />
          <Group justify="flex-end">
            <Button variant="outline" onClick={dialog.close}>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate(collection.id, { onSuccess: () => void navigate('/resources#library', { replace: true }) })}>
              {t('resources.collectionEditor.removeConfirm')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </>
  );
}
